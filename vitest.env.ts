// Tests never touch the development database: they get their own database and Redis index, overridable for CI.
const db = process.env.CAMPOTECH_TEST_DB ?? "campotech_test";
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL = process.env.CAMPOTECH_TEST_LOG_LEVEL ?? "silent";
process.env.DATABASE_URL = `postgresql://campotech_app:campotech_app@127.0.0.1:5432/${db}`;
process.env.DATABASE_ADMIN_URL = `postgresql://postgres:postgres@127.0.0.1:5432/${db}`;
process.env.REDIS_URL = process.env.CAMPOTECH_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/1";
process.env.QUEUE_PREFIX = "campotech-test";
