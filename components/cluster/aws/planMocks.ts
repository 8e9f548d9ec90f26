// What AWS would compute for the EKS layer, as the offline plan's mock runtime answers it
// (components/plan/recorder.ts merges every cloud's): deterministic placeholders, never real values,
// for the outputs the program reads. A new AWS resource whose outputs are read gets its entry here.
type Props = Record<string, unknown>;

/** The account of every placeholder ARN. */
export const PLAN_ACCOUNT = "123456789012";

/** The identity a plan runs as: a role assumed for a session, as CI and SSO users do. */
export const PLAN_CALLER = {
  sessionArn: `arn:aws:sts::${PLAN_ACCOUNT}:assumed-role/platform-deployer/plan-session`,
  roleArn: `arn:aws:iam::${PLAN_ACCOUNT}:role/platform-deployer`,
};

/** The cluster's OIDC issuer (host and path), as IRSA trust policies name it. */
export const PLAN_OIDC_ISSUER = "oidc.eks.plan.amazonaws.com/id/PLAN";
export const PLAN_OIDC_PROVIDER_ARN = `arn:aws:iam::${PLAN_ACCOUNT}:oidc-provider/${PLAN_OIDC_ISSUER}`;

/** Outputs AWS computes, by resource type: the inputs are echoed, these are added. */
export const AWS_PLAN_OUTPUTS: Record<string, (name: string, inputs: Props) => Props> = {
  "aws:eks/cluster:Cluster": (name, inputs) => ({
    arn: `arn:aws:eks:plan:${PLAN_ACCOUNT}:cluster/${String(inputs.name ?? name)}`,
    endpoint: "https://plan.eks.amazonaws.com",
    certificateAuthority: { data: "cGxhbg==" },
    identities: [{ oidcs: [{ issuer: `https://${PLAN_OIDC_ISSUER}` }] }],
  }),
  "aws:iam/role:Role": (name) => ({ arn: `arn:aws:iam::${PLAN_ACCOUNT}:role/${name}`, name }),
  // The Auto Scaling group EKS makes for a managed node group (named by AWS).
  "aws:eks/nodeGroup:NodeGroup": (name) => ({
    resources: [{ autoscalingGroups: [{ name: `eks-${name}-plan-asg` }] }],
  }),
  "aws:iam/openIdConnectProvider:OpenIdConnectProvider": () => ({ arn: PLAN_OIDC_PROVIDER_ARN }),
  "aws:rds/instance:Instance": (name, inputs) => ({
    address: `${String(inputs.identifier ?? name)}.plan.rds.amazonaws.com`,
  }),
  "aws:s3/bucket:Bucket": (name, inputs) => ({
    arn: `arn:aws:s3:::${String(inputs.bucket ?? name)}`,
  }),
};

/** Results of the AWS functions the program calls (invokes), by token. */
export const AWS_PLAN_CALLS: Record<string, (inputs: Props) => Props> = {
  "aws:index/getCallerIdentity:getCallerIdentity": () => ({
    accountId: PLAN_ACCOUNT,
    arn: PLAN_CALLER.sessionArn,
    userId: "AROAPLAN:plan-session",
  }),
  "aws:iam/getSessionContext:getSessionContext": (inputs) => ({
    arn: inputs.arn,
    issuerArn: PLAN_CALLER.roleArn,
    issuerName: "platform-deployer",
    sessionName: "plan-session",
  }),
  // A placeholder that names what AWS would resolve, never a real version.
  "aws:eks/getAddonVersion:getAddonVersion": (inputs) => ({
    ...inputs,
    version: `resolved-at-deploy:${String(inputs.addonName)}@${String(inputs.kubernetesVersion)}`,
  }),
};
