// Links between pages (hash routes carrying ARNs).
export const machineHref = (arn) => `#/state-machine/${encodeURIComponent(arn)}`;
export const executionHref = (arn) => `#/execution/${encodeURIComponent(arn)}`;
