// A mutation that cannot be decided now and must not be recorded (so sending it again later runs it): the upload it
// references has not arrived, or something transient failed. The push answers "retry" and holds back the job's later
// mutations in the same batch.
export class SyncRetry extends Error {
  override name = "SyncRetry";
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
