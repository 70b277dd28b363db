namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>
/// A Lambda function reference as <c>FunctionName</c> or a resource gives it: a name (<c>Name</c>, <c>Name:alias</c>), a
/// partial ARN (<c>123456789012:function:Name</c>) or a full ARN (<c>arn:aws:lambda:us-east-1:123456789012:function:Name</c>).
/// </summary>
/// <param name="Name">The function name.</param>
/// <param name="Region">The region (the engine default when not given).</param>
/// <param name="Account">The account (the engine default when not given).</param>
/// <param name="Qualifier">The version or alias, or <see langword="null"/>.</param>
internal sealed record LambdaFunctionName(string Name, string Region, string Account, string? Qualifier)
{
    private const string DefaultRegion = "us-east-1";
    private const string DefaultAccount = "123456789012";

    /// <summary>The ARN as AWS quotes it in errors (<c>…:function:Name:$LATEST</c> without a qualifier).</summary>
    public string QualifiedArn => $"arn:aws:lambda:{Region}:{Account}:function:{Name}:{Qualifier ?? "$LATEST"}";

    /// <summary>Reads a reference.</summary>
    /// <param name="text">The reference.</param>
    /// <returns>The parts, or <see langword="null"/> when it is not one.</returns>
    public static LambdaFunctionName? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        return parts switch
        {
            ["arn", _, "lambda", var region, var account, "function", var name] => Valid(name, region, account, null),
            ["arn", _, "lambda", var region, var account, "function", var name, var qualifier] => Valid(name, region, account, qualifier),
            [var account, "function", var name] => Valid(name, DefaultRegion, account, null),
            [var account, "function", var name, var qualifier] => Valid(name, DefaultRegion, account, qualifier),
            [var name] => Valid(name, DefaultRegion, DefaultAccount, null),
            [var name, var qualifier] => Valid(name, DefaultRegion, DefaultAccount, qualifier),
            _ => null,
        };
    }

    private static LambdaFunctionName? Valid(string name, string region, string account, string? qualifier)
    {
        if (name.Length is 0 or > 64 || qualifier is { Length: 0 })
        {
            return null;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }

        return new LambdaFunctionName(name, region.Length == 0 ? DefaultRegion : region, account.Length == 0 ? DefaultAccount : account, qualifier);
    }
}
