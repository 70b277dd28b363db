namespace AslOnDurable.Runtime.Integrations.S3;

/// <summary>The object <c>copyObject</c>'s <c>CopySource</c> names: <c>[/]bucket/url-encoded-key[?versionId=…]</c>.</summary>
/// <param name="Bucket">The source bucket.</param>
/// <param name="Key">The source key, decoded.</param>
/// <param name="VersionId">The source version, or <see langword="null"/>.</param>
internal sealed record S3CopySource(string Bucket, string Key, string? VersionId)
{
    /// <summary>Reads a <c>CopySource</c>.</summary>
    /// <param name="text">The field's value.</param>
    /// <returns>The source, or <see langword="null"/> when it names no bucket and key.</returns>
    public static S3CopySource? Parse(string text)
    {
        string path = text.TrimStart('/');
        string? version = null;
        int query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            string parameters = path[(query + 1)..];
            path = path[..query];
            const string VersionParameter = "versionId=";
            if (!parameters.StartsWith(VersionParameter, StringComparison.Ordinal))
            {
                return null;
            }

            version = Uri.UnescapeDataString(parameters[VersionParameter.Length..]);
        }

        int slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
        {
            return null;
        }

        return new S3CopySource(path[..slash], Uri.UnescapeDataString(path[(slash + 1)..]), version);
    }
}
