namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>AWS's server-side encryption settings of a state machine or activity (CreateStateMachine, UpdateStateMachine, CreateActivity).</summary>
/// <param name="Type"><c>AWS_OWNED_KEY</c> or <c>CUSTOMER_MANAGED_KMS_KEY</c> (required).</param>
/// <param name="KmsKeyId">A KMS key (customer managed keys only).</param>
/// <param name="KmsDataKeyReusePeriodSeconds">How long data keys are reused, 60-900 seconds (customer managed keys only).</param>
public sealed record EncryptionConfiguration(string? Type, string? KmsKeyId, int? KmsDataKeyReusePeriodSeconds);
