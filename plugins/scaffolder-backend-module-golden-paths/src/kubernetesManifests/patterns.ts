/** A DNS-1123 label: what names a Kubernetes object and a namespace. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A non-empty Kubernetes label value (at most 63 characters, checked apart). */
export const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** An OCI image reference: [registry[:port]/]path[:tag][@digest]. */
export const IMAGE_REFERENCE =
  /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** A NetworkAttachmentDefinition as Multus takes it: [namespace/]name[@interface]. */
export const NETWORK_ATTACHMENT =
  /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?(?:@[A-Za-z0-9_.-]{1,15})?$/;

/** An extended resource name, such as `intel.com/sriov_netdevice`. */
export const EXTENDED_RESOURCE =
  /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[A-Za-z0-9_.-]+$/;

/** A Spark memory size (`1g`, `512m`), which is not a Kubernetes quantity. */
export const SPARK_MEMORY = /^\d+[kmgt]?$/;

/** An absolute path in the container, without empty segments. */
export const CONTAINER_PATH = /^\/[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
