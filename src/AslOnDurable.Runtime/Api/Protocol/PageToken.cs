using System.Globalization;
using System.Text;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>
/// Paging for the List* actions and GetExecutionHistory: <c>maxResults</c> (0 means the default, at most 1000) and an
/// opaque <c>nextToken</c> that carries the offset of the next page and the action it belongs to.
/// </summary>
internal static class PageToken
{
    /// <summary>AWS's default and largest page.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>AWS's largest <c>maxResults</c>.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Takes one page of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">Every item, in order.</param>
    /// <param name="scope">What is listed (a token of another listing is refused).</param>
    /// <param name="maxResults">The requested page size, or <c>null</c>.</param>
    /// <param name="nextToken">The token of the previous page, or <c>null</c>.</param>
    /// <returns>The page and the token for the next one (<c>null</c> on the last page).</returns>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, string scope, int? maxResults, string? nextToken)
    {
        if (maxResults is < 0 or > MaxPageSize)
        {
            throw ApiException.Validation("maxResults", maxResults.Value.ToString(CultureInfo.InvariantCulture), $"Member must have value less than or equal to {MaxPageSize}");
        }

        int size = maxResults is null or 0 ? DefaultPageSize : maxResults.Value;
        int offset = nextToken is null ? 0 : Decode(nextToken, scope);
        IReadOnlyList<T> page = [.. items.Skip(offset).Take(size)];
        string? next = offset + size < items.Count ? Encode(scope, offset + size) : null;
        return (page, next);
    }

    private static string Encode(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}|{scope}")));

    private static int Decode(string token, string scope)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == scope && int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to InvalidToken.
        }

        throw new ApiException(ApiErrorTypes.InvalidToken, $"Invalid Token: '{token}'");
    }
}
