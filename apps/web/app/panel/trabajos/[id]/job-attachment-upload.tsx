"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "./detail.module.css";

const TYPES = ["image/jpeg", "image/png", "image/webp"];
const MAX_BYTES = 10 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function JobAttachmentUpload({ jobId }: { jobId: string }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function upload(file: File | undefined) {
    if (!file) return;
    if (!TYPES.includes(file.type)) return setMessage({ error: true, text: "Subí una foto JPG, PNG o WebP." });
    if (file.size > MAX_BYTES) return setMessage({ error: true, text: "La foto pesa más de 10 MB: achicala y probá de nuevo." });
    setBusy(true);
    setMessage(null);
    const result = await callJobsApi(`/api/jobs/${jobId}/attachments`, { method: "POST", body: { kind: "PHOTO", mimeType: file.type, dataBase64: await readBase64(file) } });
    setBusy(false);
    if (input.current) input.current.value = "";
    if (!result.ok) return setMessage({ error: true, text: describeFailure(result) });
    setMessage({ error: false, text: "Foto subida." });
    router.refresh();
  }

  return (
    <div>
      <label htmlFor={id}>Subir una foto</label>
      <input id={id} ref={input} className={styles.file} type="file" accept={TYPES.join(",")} disabled={busy} onChange={(e) => upload(e.target.files?.[0])} />
      {busy ? <p className="muted" role="status">Subiendo…</p> : null}
      {message ? <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </div>
  );
}
