// The CloudFormation building blocks the role templates share: policy statements and
// partition-aware ARNs (`Fn::Sub` with `${AWS::Partition}`, as eksctl renders them).

export type PolicyStatement = Record<string, unknown>;

export interface FnSub {
  'Fn::Sub': string;
}

/** `arn:${AWS::Partition}:<rest>` as an `Fn::Sub`. */
export function partitionArn(rest: string): FnSub {
  return { 'Fn::Sub': `arn:\${AWS::Partition}:${rest}` };
}
