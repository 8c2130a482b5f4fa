/**
 * Readiness and liveness probes on the named port: HTTP on /readyz and
 * /healthz, or a TCP connect for a port that does not speak HTTP.
 */
export function healthProbes(port: string, kind: 'http' | 'tcp') {
  if (kind === 'tcp') {
    return {
      readinessProbe: { tcpSocket: { port }, periodSeconds: 10 },
      livenessProbe: {
        tcpSocket: { port },
        initialDelaySeconds: 10,
        periodSeconds: 20,
      },
    };
  }
  return {
    readinessProbe: { httpGet: { path: '/readyz', port }, periodSeconds: 10 },
    livenessProbe: {
      httpGet: { path: '/healthz', port },
      initialDelaySeconds: 10,
      periodSeconds: 20,
    },
  };
}
