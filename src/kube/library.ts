// The parts of the Kubernetes client the product uses, imported on first use by session.ts. Named,
// not the whole package: the bundler then keeps these two APIs of the client's sixty (4.6 MiB of its
// 14), so a run that creates a service account loads a third of it.

export {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  Observable,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
