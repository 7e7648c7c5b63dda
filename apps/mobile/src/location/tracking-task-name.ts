export const TRACKING_TASK = "campotech.tracking";
