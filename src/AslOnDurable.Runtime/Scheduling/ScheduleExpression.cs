namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// An EventBridge Scheduler schedule expression: <c>rate(value unit)</c>, <c>cron(minutes hours day-of-month month
/// day-of-week year)</c> or the one-time <c>at(yyyy-mm-ddThh:mm:ss)</c>.
/// </summary>
/// <remarks>
/// AWS evaluates cron and at expressions in the schedule's time zone (UTC by default) and rate expressions as fixed
/// durations: <c>rate(1 day)</c> is 24 hours, also across a daylight-saving change. Invocations have minute precision.
/// </remarks>
public abstract record ScheduleExpression
{
    /// <summary>The expression as written.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// The occurrences after <paramref name="afterUtc"/> (exclusive) up to <paramref name="untilUtc"/> (inclusive), in
    /// order.
    /// </summary>
    /// <param name="afterUtc">Exclusive lower bound.</param>
    /// <param name="untilUtc">Inclusive upper bound.</param>
    /// <param name="zone">The schedule's time zone (cron and at); rate expressions ignore it.</param>
    /// <param name="anchorUtc">The first occurrence of a rate expression (the schedule's StartDate, or a fixed anchor).</param>
    /// <returns>The occurrences, in ascending order.</returns>
    public abstract IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset afterUtc, DateTimeOffset untilUtc, TimeZoneInfo zone, DateTimeOffset anchorUtc);

    /// <summary>Parses an expression.</summary>
    /// <param name="text">The expression.</param>
    /// <returns>The parsed expression.</returns>
    /// <exception cref="ScheduleExpressionException">The expression is not valid; the message says why.</exception>
    public static ScheduleExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (TryBody(trimmed, "rate", out string? rate))
        {
            return RateScheduleExpression.ParseBody(trimmed, rate);
        }

        if (TryBody(trimmed, "cron", out string? cron))
        {
            return CronScheduleExpression.ParseBody(trimmed, cron);
        }

        if (TryBody(trimmed, "at", out string? at))
        {
            return AtScheduleExpression.ParseBody(trimmed, at);
        }

        throw new ScheduleExpressionException(
            $"Invalid schedule expression '{text}': expected rate(value unit), cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss).");
    }

    private static bool TryBody(string text, string keyword, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? body)
    {
        if (text.Length > keyword.Length + 1
            && text.StartsWith(keyword, StringComparison.Ordinal)
            && text[keyword.Length] == '('
            && text[^1] == ')')
        {
            body = text[(keyword.Length + 1)..^1].Trim();
            return true;
        }

        body = null;
        return false;
    }
}
