namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>Where the API says its resources live: the region and account in every ARN it issues.</summary>
public sealed record ApiOptions
{
    /// <summary>Gets the region (default <c>us-east-1</c>, as the CLI's executions use).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Gets the account id (default <c>123456789012</c>).</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Gets the ARN prefix <c>arn:aws:states:region:account</c>.</summary>
    public string ArnPrefix => $"arn:aws:states:{Region}:{AccountId}";
}
