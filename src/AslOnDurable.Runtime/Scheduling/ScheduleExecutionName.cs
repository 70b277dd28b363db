using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary>The execution name of a schedule slot: the same for every firing of that slot, so it starts once.</summary>
public static class ScheduleExecutionName
{
    private const int MaxLength = 80;

    /// <summary>
    /// <c>&lt;schedule name&gt;-&lt;yyyyMMddTHHmmssZ&gt;</c>, at most 80 characters (AWS's limit for execution names);
    /// a long schedule name is shortened and keeps a hash of its whole text.
    /// </summary>
    /// <param name="scheduleName">The schedule's name.</param>
    /// <param name="scheduledTime">The slot.</param>
    /// <returns>The name.</returns>
    public static string For(string scheduleName, DateTimeOffset scheduledTime)
    {
        ArgumentNullException.ThrowIfNull(scheduleName);
        string slot = scheduledTime.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        int room = MaxLength - slot.Length - 1;
        string prefix = scheduleName;
        if (prefix.Length > room)
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scheduleName)))[..8];
            prefix = scheduleName[..(room - hash.Length - 1)] + "-" + hash;
        }

        return prefix + "-" + slot;
    }
}
