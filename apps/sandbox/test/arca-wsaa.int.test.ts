import { existsSync, readFileSync } from "node:fs";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import {
  ARCA,
  arIso,
  AXIS_NS,
  callWsaa,
  certificateCache,
  csrPem,
  fault,
  issueCertificate,
  login,
  newKeys,
  OIDS,
  readTa,
  selfSignedCertificate,
  signTra,
  signTraDer,
  traXml,
  WSAA_PATH,
  wsaaEnvelope,
} from "./arca-helpers.ts";
import { type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});
const identity = certificateCache(() => sb);
const HOUR = 60 * 60 * 1000;
const MIN = 60 * 1000;

async function expectWsaaFault(res: { status: number; text: string }, code: string, message?: string | RegExp): Promise<void> {
  expect(res.status).toBe(500);
  expect(res.text).toContain(`<faultcode xmlns:ns1="${AXIS_NS}">ns1:${code}</faultcode>`);
  expect(res.text).toContain("<ns2:exceptionName");
  if (typeof message === "string") expect(fault(res.text).faultstring).toBe(message);
  else if (message) expect(fault(res.text).faultstring).toMatch(message);
}

describe("sandbox CA (WSASS)", () => {
  it("signs a CSR with the fixed CA: SHA-256, subject copied, two years by default", async () => {
    const keys = newKeys();
    const res = await sb.call("POST", "/_sandbox/arca/certificates", { json: { csr: csrPem(keys, { cuit: ARCA.ri, cn: "facturador" }) } });
    expect(res.status).toBe(201);
    expect(res.json.cuit).toBe(ARCA.ri);
    const cert = forge.pki.certificateFromPem(res.json.certificate);
    const ca = forge.pki.certificateFromPem(readFileSync(new URL("../src/arca/ca/sandbox-ca.crt", import.meta.url), "utf8"));
    expect(ca.verify(cert)).toBe(true);
    expect(cert.issuer.getField("CN").value).toBe("CampoTech Sandbox ARCA CA");
    expect(cert.subject.getField("CN").value).toBe("facturador");
    expect(cert.subject.attributes.find((a) => a.type === "2.5.4.5")?.value).toBe(`CUIT ${ARCA.ri}`);
    expect(cert.siginfo.algorithmOid).toBe(OIDS.sha256WithRsa);
    const years = (cert.validity.notAfter.getTime() - cert.validity.notBefore.getTime()) / (365 * 24 * HOUR);
    expect(years).toBeCloseTo(2, 1);
    expect(Math.abs(cert.validity.notBefore.getTime() - Date.now())).toBeLessThan(MIN);
  });

  it("honours notBefore/notAfter", async () => {
    const notBefore = new Date("2030-01-01T00:00:00Z");
    const notAfter = new Date("2031-06-01T00:00:00Z");
    const cert = await issueCertificate(sb, newKeys(), { notBefore, notAfter });
    expect(cert.validity.notBefore.toISOString()).toBe(notBefore.toISOString());
    expect(cert.validity.notAfter.toISOString()).toBe(notAfter.toISOString());
  });

  it("refuses a CSR without serialNumber=CUIT, with a bad check digit, or that is not a CSR", async () => {
    const keys = newKeys();
    const noCuit = await sb.call("POST", "/_sandbox/arca/certificates", { json: { csr: csrPem(keys, { cuit: null }) } });
    expect(noCuit.status).toBe(400);
    expect(noCuit.json.error).toMatch(/serialNumber="CUIT <11 dígitos>"/);
    const badDigit = await sb.call("POST", "/_sandbox/arca/certificates", { json: { csr: csrPem(keys, { cuit: "30712345672" }) } });
    expect(badDigit.status).toBe(400);
    expect(badDigit.json.error).toMatch(/dígito verificador/);
    const notCuit = await sb.call("POST", "/_sandbox/arca/certificates", { json: { csr: csrPem(keys, { serialNumber: "DNI 28123456" }) } });
    expect(notCuit.status).toBe(400);
    const garbage = await sb.call("POST", "/_sandbox/arca/certificates", { json: { csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----" } });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error).toMatch(/CSR/);
  });
});

describe("WSAA loginCms", () => {
  it("issues a TA shaped like homologación's, XML-escaped inside loginCmsReturn", async () => {
    const id = await identity(ARCA.ri);
    const res = await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(res.text).toContain('<loginCmsResponse xmlns="http://wsaa.view.sua.dvadac.desein.afip.gov"><loginCmsReturn>&lt;?xml version=&quot;1.0&quot;');
    const ta = readTa(res.text);
    expect(ta.ta).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<loginTicketResponse version="1">\n {4}<header>/);
    expect(ta.source).toBe("CN=wsaahomo, O=AFIP, C=AR, SERIALNUMBER=CUIT 33693450239");
    expect(ta.destination).toBe(`SERIALNUMBER=CUIT ${ARCA.ri}, CN=campotech-test, O=CampoTech Test, C=AR`);
    expect(ta.uniqueId).toMatch(/^\d+$/);
    expect(ta.generationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}-03:00$/);
    const generation = Date.parse(ta.generationTime);
    expect(Math.abs(generation - Date.now())).toBeLessThan(MIN);
    expect(Date.parse(ta.expirationTime) - generation).toBe(12 * HOUR);
    expect(Buffer.from(ta.sign, "base64")).toHaveLength(128);
    const token = Buffer.from(ta.token, "base64").toString("utf8");
    expect(token).toContain('<sso version="2.0">');
    expect(token).toContain('<login entity="33693450239" service="wsfe"');
    expect(token).toContain(`<relation key="${ARCA.ri}" reltype="4"/>`);
    expect(Number(/exp_time="(\d+)"/.exec(token)?.[1])).toBe(Math.floor(Date.parse(ta.expirationTime) / 1000));
    const tickets = (await sb.call("GET", "/_sandbox/arca/tickets")).json;
    expect(tickets).toEqual([expect.objectContaining({ cuit: ARCA.ri, service: "wsfe", token: ta.token, sign: ta.sign, expirationTime: ta.expirationTime })]);
  });

  it("accepts base64 with line breaks, SHA-1, and a C#-style TRA without offset or declaration", async () => {
    const id = await identity(ARCA.mono);
    const wrapped = signTra(traXml(), id.cert, id.keys.privateKey).replace(/(.{64})/g, "$1\r\n");
    expect((await callWsaa(sb, wrapped)).status).toBe(200);

    const sha1 = await identity(ARCA.mono, "sha1-client");
    expect((await callWsaa(sb, signTra(traXml(), sha1.cert, sha1.keys.privateKey, { digest: "sha1" }))).status).toBe(200);

    const local = (ms: number) => arIso(ms).slice(0, 19);
    const csharp = `<loginTicketRequest><header><uniqueId>190926</uniqueId><generationTime>${local(Date.now() - 10 * MIN)}</generationTime><expirationTime>${local(Date.now() + 10 * MIN)}</expirationTime></header><service>wsfe</service></loginTicketRequest>`;
    const other = await identity(ARCA.exento);
    expect((await callWsaa(sb, signTra(csharp, other.cert, other.keys.privateKey))).status).toBe(200);
  });

  it("parses the envelope whatever the prefixes, and records the call", async () => {
    const id = await identity(ARCA.ri);
    const in0 = signTra(traXml(), id.cert, id.keys.privateKey);
    const envelope = `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><loginCms xmlns="http://wsaa.view.sua.dvadac.desein.afip.gov"><in0>${in0}</in0></loginCms></S:Body></S:Envelope>`;
    const res = await callWsaa(sb, in0, { envelope, soapAction: "urn:LoginCms" });
    expect(res.status).toBe(200);
    const [recorded] = (await sb.call("GET", "/_sandbox/arca/requests?service=wsaa")).json;
    expect(recorded).toMatchObject({ service: "wsaa", method: "loginCms", body: { in0 }, rawXml: envelope, response: { status: 200 } });
  });

  describe("faults, as Axis 1.4 writes them", () => {
    it("cms.bad.base64 for undecodable or empty in0", async () => {
      await expectWsaaFault(await callWsaa(sb, "%%% no es base64 %%%"), "cms.bad.base64", "No se puede decodificar el BASE64");
      await expectWsaaFault(await callWsaa(sb, ""), "cms.bad.base64");
    });

    it("cms.bad for base64 that is not a CMS SignedData", async () => {
      await expectWsaaFault(await callWsaa(sb, Buffer.from("hello").toString("base64")), "cms.bad", "El CMS no es valido");
      const cert = forge.pki.certificateToAsn1((await identity(ARCA.ri)).cert);
      await expectWsaaFault(await callWsaa(sb, forge.util.encode64(forge.asn1.toDer(cert).getBytes())), "cms.bad");
    });

    it("cms.cert.notFound when the signer certificate is not inside", async () => {
      const id = await identity(ARCA.ri);
      await expectWsaaFault(
        await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey, { includeCertificate: false })),
        "cms.cert.notFound",
        "No se ha encontrado certificado de firmador",
      );
    });

    it("cms.cert.untrusted for a certificate the sandbox CA did not issue", async () => {
      const keys = newKeys();
      const selfSigned = selfSignedCertificate(keys, { cuit: ARCA.ri });
      await expectWsaaFault(await callWsaa(sb, signTra(traXml(), selfSigned, keys.privateKey)), "cms.cert.untrusted", "Certificado no emitido por AC de confianza");
    });

    it("cms.cert.expired and cms.cert.invalid (not valid yet), also through the sandbox clock", async () => {
      const keys = newKeys();
      const expired = await issueCertificate(sb, keys, { notBefore: new Date(Date.now() - 3 * 365 * 24 * HOUR), notAfter: new Date(Date.now() - 24 * HOUR) });
      await expectWsaaFault(await callWsaa(sb, signTra(traXml(), expired, keys.privateKey)), "cms.cert.expired", "Certificado expirado");
      const future = await issueCertificate(sb, keys, { notBefore: new Date(Date.now() + 24 * HOUR), notAfter: new Date(Date.now() + 400 * 24 * HOUR) });
      await expectWsaaFault(await callWsaa(sb, signTra(traXml(), future, keys.privateKey)), "cms.cert.invalid", "Certificado con fecha de generacion posterior a la actual");

      const shortLived = await issueCertificate(sb, keys, { cn: "short", notBefore: new Date(Date.now() - HOUR), notAfter: new Date(Date.now() + 2 * HOUR) });
      expect((await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: 3 * HOUR } })).status).toBe(200);
      await expectWsaaFault(await callWsaa(sb, signTra(traXml({ now: Date.now() + 3 * HOUR }), shortLived, keys.privateKey)), "cms.cert.expired");
    });

    it("cms.sign.invalid: wrong key, content changed after signing, detached CMS", async () => {
      const id = await identity(ARCA.ri);
      const wrongKey = await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey, { signerKey: newKeys().privateKey }));
      await expectWsaaFault(wrongKey, "cms.sign.invalid", "Firma inválida o algoritmo no soportado");

      const der = signTraDer(traXml(), id.cert, id.keys.privateKey);
      const tampered = der.replace("<service>wsfe</service>", "<service>wsfx</service>");
      expect(tampered).not.toBe(der);
      await expectWsaaFault(await callWsaa(sb, forge.util.encode64(tampered)), "cms.sign.invalid");

      await expectWsaaFault(await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey, { detached: true })), "cms.sign.invalid");
    });

    it("xml.bad when the TRA does not follow the schema", async () => {
      const id = await identity(ARCA.ri);
      const sign = (tra: string) => callWsaa(sb, signTra(tra, id.cert, id.keys.privateKey));
      await expectWsaaFault(await sign("esto no es XML"), "xml.bad", /^No se ha podido interpretar el XML contra el SCHEMA/);
      await expectWsaaFault(await sign(traXml().replace(/<uniqueId>\d+<\/uniqueId>/, "")), "xml.bad", /uniqueId/);
      await expectWsaaFault(await sign(traXml().replace("loginTicketRequest", "LoginTicketRequest").replace("/loginTicketRequest", "/LoginTicketRequest")), "xml.bad");
      await expectWsaaFault(await sign(traXml({ generationTime: "2026-02-31T10:00:00-03:00" })), "xml.bad", /generationTime/);
      await expectWsaaFault(await sign(traXml().replace("</header>", "<extra>1</extra></header>")), "xml.bad", /extra/);
      await expectWsaaFault(await sign(traXml().replace('<loginTicketRequest version="1.0">', '<loginTicketRequest version="2.0">')), "xml.version.notSupported", "La versión del documento no es soportada");
    });

    it("xml.generationTime.invalid: in the future (beyond 5 min of skew) or older than 24 h", async () => {
      const id = await identity(ARCA.ri);
      const sign = (tra: string) => callWsaa(sb, signTra(tra, id.cert, id.keys.privateKey));
      const future = traXml({ generationTime: arIso(Date.now() + 6 * MIN), expirationTime: arIso(Date.now() + 20 * MIN) });
      await expectWsaaFault(await sign(future), "xml.generationTime.invalid", /generationTime posee formato o dato inválido/);
      const old = traXml({ generationTime: arIso(Date.now() - 25 * HOUR) });
      await expectWsaaFault(await sign(old), "xml.generationTime.invalid");
      const skewed = traXml({ generationTime: arIso(Date.now() + 3 * MIN), expirationTime: arIso(Date.now() + 20 * MIN) });
      expect((await sign(skewed)).status).toBe(200);
    });

    it("xml.expirationTime.expired and xml.expirationTime.invalid (more than 24 h ahead)", async () => {
      const id = await identity(ARCA.ri);
      const sign = (tra: string) => callWsaa(sb, signTra(tra, id.cert, id.keys.privateKey));
      const expired = traXml({ generationTime: arIso(Date.now() - 20 * MIN), expirationTime: arIso(Date.now() - MIN) });
      await expectWsaaFault(await sign(expired), "xml.expirationTime.expired", "El tiempo de expiración es inferior a la hora actual");
      const tooFar = traXml({ expirationTime: arIso(Date.now() + 25 * HOUR) });
      await expectWsaaFault(await sign(tooFar), "xml.expirationTime.invalid", "El tiempo de expiración del documento es superior a 24 horas");
    });

    it("coe.notAuthorized for any service but wsfe", async () => {
      const id = await identity(ARCA.ri);
      const res = await callWsaa(sb, signTra(traXml({ service: "ws_sr_padron_a13" }), id.cert, id.keys.privateKey));
      await expectWsaaFault(res, "coe.notAuthorized", "Computador no autorizado a acceder al servicio");
    });

    it("Axis' own faults: no SOAPAction header, malformed XML, unknown operation, missing in0", async () => {
      const noAction = await callWsaa(sb, "x", { soapAction: null });
      expect(noAction.status).toBe(500);
      expect(noAction.text).toContain(`<faultcode xmlns:ns1="${AXIS_NS}">ns1:Client.NoSOAPAction</faultcode>`);
      expect(fault(noAction.text).faultstring).toBe("no SOAPAction header!");

      const malformed = await callWsaa(sb, "", { envelope: "<soapenv:Envelope><soapenv:Body><loginCms>" });
      expect(malformed.status).toBe(500);
      expect(fault(malformed.text)).toMatchObject({ faultcode: "soapenv:Server.userException", faultstring: expect.stringMatching(/^org\.xml\.sax\.SAXParseException/) });

      const other = await callWsaa(sb, "", { envelope: wsaaEnvelope("x").replace(/loginCms/g, "logout") });
      expect(fault(other.text)).toMatchObject({ faultcode: "soapenv:Client", faultstring: "No such operation 'logout'" });

      const noIn0 = await callWsaa(sb, "", { envelope: wsaaEnvelope("x").replace(/<wsaa:in0>x<\/wsaa:in0>/, "") });
      expect(fault(noIn0.text).faultstring).toBe("javax.ejb.EJBException: java.lang.NullPointerException");
    });
  });

  describe("TA reuse (coe.alreadyAuthenticated)", () => {
    it("refuses a second TA for the same DN and service while the first has more life than the preventive window", async () => {
      const id = await identity(ARCA.ri);
      await login(sb, id);
      const again = await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey));
      await expectWsaaFault(again, "coe.alreadyAuthenticated", "El CEE ya posee un TA valido para el acceso al WSN solicitado");

      // Another certificate DN for the same CUIT is another CEE.
      const otherDn = await identity(ARCA.ri, "otro-sistema");
      expect((await callWsaa(sb, signTra(traXml(), otherDn.cert, otherDn.keys.privateKey))).status).toBe(200);
    });

    it("issues a new TA once the current one is inside the preventive window (10 min by default)", async () => {
      const id = await identity(ARCA.ri);
      const first = await login(sb, id);
      const expiresAt = Date.parse(first.expirationTime);

      const elevenBefore = expiresAt - 11 * MIN - Date.now();
      await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: elevenBefore } });
      await expectWsaaFault(await callWsaa(sb, signTra(traXml({ now: Date.now() + elevenBefore }), id.cert, id.keys.privateKey)), "coe.alreadyAuthenticated");

      const nineBefore = expiresAt - 9 * MIN - Date.now();
      await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: nineBefore } });
      const second = await login(sb, id, Date.now() + nineBefore);
      expect(second.token).not.toBe(first.token);
      expect(Date.parse(second.generationTime)).toBeGreaterThan(expiresAt - 10 * MIN);
    });

    it("ticketTtlMs and preventiveWindowMs are configurable", async () => {
      const set = await sb.call("POST", "/_sandbox/arca/config", { json: { ticketTtlMs: 5 * MIN, preventiveWindowMs: 10 * MIN } });
      expect(set.json).toMatchObject({ ticketTtlMs: 5 * MIN, preventiveWindowMs: 10 * MIN });
      const id = await identity(ARCA.ri);
      const first = await login(sb, id);
      expect(Date.parse(first.expirationTime) - Date.parse(first.generationTime)).toBe(5 * MIN);
      // 5 min of life is already inside a 10 min window: a new TA is allowed straight away.
      await login(sb, id);

      // The 5-minute TAs still have life left, so with no window at all they block until they expire.
      await sb.call("POST", "/_sandbox/arca/config", { json: { preventiveWindowMs: 0 } });
      await expectWsaaFault(await callWsaa(sb, signTra(traXml(), id.cert, id.keys.privateKey)), "coe.alreadyAuthenticated");
      await sb.call("POST", "/_sandbox/arca/config", { json: { clockOffsetMs: 5 * MIN + 1000 } });
      await login(sb, id, Date.now() + 5 * MIN + 1000);
    });
  });

  it("serves src/integrations/arca/wsdl/wsaa.wsdl on ?wsdl when it exists, 404 otherwise", async () => {
    const file = new URL("../../../src/integrations/arca/wsdl/wsaa.wsdl", import.meta.url);
    const res = await sb.call("GET", `${WSAA_PATH}?wsdl`);
    if (existsSync(file)) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
      const expected = readFileSync(file, "utf8").replace(/(<(?:[\w-]+:)?address\b[^>]*\blocation=")[^"]*(")/g, `$1${sb.url}${WSAA_PATH}$2`);
      expect(res.text).toBe(expected);
    } else {
      expect(res.status).toBe(404);
      expect(res.text).toContain("wsaa.wsdl");
    }
    const page = await sb.call("GET", WSAA_PATH);
    expect(page.text).toContain("Hi there, this is an AXIS service!");
  });
});
