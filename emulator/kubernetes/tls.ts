// The Kubernetes API's TLS material, made at start as EKS makes a cluster's: a CA (returned by
// DescribeCluster as certificateAuthority.data) and a serving certificate it signs for 127.0.0.1 /
// localhost, so clients verify TLS against the CA exactly as on EKS.

import { generate } from 'selfsigned';

export interface TlsMaterial {
  /** The CA certificate (PEM) clients trust. */
  ca: string;
  /** Serving certificate chain (leaf + CA) and its key, for https.createServer. */
  cert: string;
  key: string;
}

export async function makeTls(): Promise<TlsMaterial> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'kubernetes' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        cRLSign: true,
        digitalSignature: true,
        critical: true,
      },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { ca: ca.cert, cert: `${leaf.cert.trim()}\n${ca.cert.trim()}\n`, key: leaf.private };
}
