// Names of EKS add-ons the product treats specially.

/** The pod identity agent: associations do nothing on a cluster without it (or Auto Mode). */
export const AGENT_ADDON = 'eks-pod-identity-agent';
