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
        int size = Size(maxResults);
        int offset = nextToken is null ? 0 : (int)Math.Min(Decode(nextToken, scope), int.MaxValue);
        IReadOnlyList<T> page = [.. items.Skip(offset).Take(size)];
        string? next = offset + size < items.Count ? Encode(scope, offset + size) : null;
        return (page, next);
    }

    /// <summary>The page size <c>maxResults</c> asks for (0 or absent: the default), or a ValidationException.</summary>
    /// <param name="maxResults">The requested page size, or <c>null</c>.</param>
    /// <returns>The size.</returns>
    public static int Size(int? maxResults) => maxResults switch
    {
        < 0 or > MaxPageSize => throw ApiException.Validation(
            "maxResults", maxResults.Value.ToString(CultureInfo.InvariantCulture), $"Member must have value less than or equal to {MaxPageSize}"),
        null or 0 => DefaultPageSize,
        _ => maxResults.Value,
    };

    /// <summary>A token for the position (an offset, or a key such as an event id) where the next page starts.</summary>
    /// <param name="scope">What is listed.</param>
    /// <param name="position">The position.</param>
    /// <returns>The token.</returns>
    public static string Encode(string scope, long position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{position}|{scope}")));

    /// <summary>The position a token of <paramref name="scope"/> carries, or InvalidToken.</summary>
    /// <param name="token">The token.</param>
    /// <param name="scope">What is listed.</param>
    /// <returns>The position.</returns>
    public static long Decode(string token, string scope)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == scope && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out long offset))
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

    /// <summary>A token for a key (a text such as <see cref="Registry.ExecutionListing.Key"/>) after which the next page starts.</summary>
    /// <param name="scope">What is listed.</param>
    /// <param name="key">The key.</param>
    /// <returns>The token.</returns>
    public static string EncodeKey(string scope, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Convert.ToBase64String(Encoding.UTF8.GetBytes(key))}|{scope}"));

    /// <summary>The key a token of <paramref name="scope"/> carries when <paramref name="valid"/> accepts it, or InvalidToken.</summary>
    /// <param name="token">The token.</param>
    /// <param name="scope">What is listed.</param>
    /// <param name="valid">Whether a decoded key has the form the listing's keys have.</param>
    /// <returns>The key.</returns>
    public static string DecodeKey(string token, string scope, Func<string, bool> valid)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == scope)
            {
                string key = Encoding.UTF8.GetString(Convert.FromBase64String(text[..bar]));
                if (valid(key))
                {
                    return key;
                }
            }
        }
        catch (FormatException)
        {
            // Falls through to InvalidToken.
        }

        throw new ApiException(ApiErrorTypes.InvalidToken, $"Invalid Token: '{token}'");
    }
}
