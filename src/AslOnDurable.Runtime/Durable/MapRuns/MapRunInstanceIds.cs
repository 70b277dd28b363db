namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// Durable instance ids of map runs and their STANDARD children: the ARN with <c>/</c> (which Azure Storage refuses in
/// instance ids) as <c>:</c>, so a DescribeMapRun or DescribeExecution by ARN finds the instance without an index.
/// </summary>
public static class MapRunInstanceIds
{
    /// <summary>The instance id of a map run (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>) or map-run child.</summary>
    /// <param name="arn">The map run's or the child execution's ARN.</param>
    /// <returns>The instance id.</returns>
    public static string FromArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return arn.Replace('/', ':');
    }

    /// <summary>
    /// The instance id of a map run's run: its first (<paramref name="redriveCount"/> 0) has <see cref="FromArn(string)"/>; each
    /// redrive runs as an instance of its own, <c>&lt;id&gt;:redrive-n</c>, which DescribeMapRun looks for in order.
    /// </summary>
    /// <param name="arn">The map run's ARN.</param>
    /// <param name="redriveCount">The map run's redrive count (0: its first run).</param>
    /// <returns>The instance id.</returns>
    public static string FromArn(string arn, int redriveCount) =>
        redriveCount > 0 ? FromArn(arn) + ":redrive-" + redriveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : FromArn(arn);

    /// <summary>
    /// The ARN of the map run an instance id runs (its first run's or a redrive's, <see cref="FromArn(string, int)"/>), or
    /// <c>null</c> when the id is not a map run's.
    /// </summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The map run's ARN, or <c>null</c>.</returns>
    public static string? MapRunArnOf(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        // arn:aws:states:region:account:mapRun:machine:label:id[:redrive-n], its ARN having machine/label.
        string[] parts = instanceId.Split(':');
        bool redrive = parts.Length == 10 && parts[9].StartsWith("redrive-", StringComparison.Ordinal);
        return (parts.Length == 9 || redrive) && parts[0] == "arn" && parts[5] == "mapRun"
            ? string.Join(':', parts[..7]) + "/" + parts[7] + ":" + parts[8]
            : null;
    }
}
