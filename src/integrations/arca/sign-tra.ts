import forge from "node-forge";

// CMS SignedData over the TRA with the content attached and the signer certificate inside (what
// `openssl cms -sign -nodetach` makes): RSA with SHA-256 and the signed attributes contentType, messageDigest and
// signingTime. DER, base64 in one line — WSAA's loginCms `in0`.
export function signTra(tra: string, certificatePem: string, privateKeyPem: string, now: Date = new Date()): string {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(forge.util.encodeUtf8(tra));
  const certificate = forge.pki.certificateFromPem(certificatePem);
  p7.addCertificate(certificate);
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(privateKeyPem),
    certificate,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: now as unknown as string },
    ],
  });
  p7.sign();
  return forge.util.encode64(forge.asn1.toDer(p7.toAsn1()).getBytes());
}
