using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// Checks an <c>encryptionConfiguration</c> as AWS does (type required, AWS's enum, a key id of 1-2048 characters, a
/// reuse period of 60-900 seconds) and accepts what this host does: <c>AWS_OWNED_KEY</c>, the service's own encryption
/// at rest (on Azure Storage, the storage account's encryption). There is no AWS KMS here, so
/// <c>CUSTOMER_MANAGED_KMS_KEY</c>, or a key given with the service's own key, is a ValidationException that says so
/// rather than a key silently not used.
/// </summary>
internal static class EncryptionChecks
{
    /// <summary>The service's own encryption.</summary>
    public const string AwsOwnedKey = "AWS_OWNED_KEY";

    /// <summary>A customer managed KMS key.</summary>
    public const string CustomerManagedKmsKey = "CUSTOMER_MANAGED_KMS_KEY";

    /// <summary>Checks the configuration (absent is fine).</summary>
    /// <param name="configuration">The request's <c>encryptionConfiguration</c>.</param>
    /// <exception cref="ApiException">ValidationException for a malformed or unavailable configuration.</exception>
    public static void Check(EncryptionConfiguration? configuration)
    {
        if (configuration is null)
        {
            return;
        }

        string type = RequestFields.Required(configuration.Type, "encryptionConfiguration.type");
        RequestFields.Enum(type, "encryptionConfiguration.type", AwsOwnedKey, AwsOwnedKey, CustomerManagedKmsKey);
        if (configuration.KmsKeyId is { Length: < 1 or > 2048 } key)
        {
            throw ApiException.Validation("encryptionConfiguration.kmsKeyId", key, "Member must have length between 1 and 2048");
        }

        if (configuration.KmsDataKeyReusePeriodSeconds is { } period and (< 60 or > 900))
        {
            throw ApiException.Validation(
                "encryptionConfiguration.kmsDataKeyReusePeriodSeconds", period.ToString(System.Globalization.CultureInfo.InvariantCulture), "Member must have value between 60 and 900");
        }

        if (type == CustomerManagedKmsKey)
        {
            throw new ApiException(
                ApiErrorTypes.ValidationException,
                "Customer managed KMS keys are not available: AslOnDurable has no AWS KMS. Use AWS_OWNED_KEY (data in Azure Storage is " +
                "encrypted at rest by the storage account, where customer-managed keys are configured in Azure).");
        }

        if (configuration.KmsKeyId is not null || configuration.KmsDataKeyReusePeriodSeconds is not null)
        {
            throw new ApiException(
                ApiErrorTypes.ValidationException,
                "kmsKeyId and kmsDataKeyReusePeriodSeconds apply only to CUSTOMER_MANAGED_KMS_KEY encryption.");
        }
    }
}
