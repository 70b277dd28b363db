using System.Text.RegularExpressions;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>One match produced by a regex literal or by a custom matcher function.</summary>
internal sealed class MatchResult
{
    private readonly Match? native;
    private JList? groups;

    /// <summary>Wraps a match of a regex literal.</summary>
    public MatchResult(Match native, RegexMatcher regex, string input)
    {
        this.native = native;
        Regex = regex;
        Input = input;
        Match = native.Value;
        Start = native.Index;
        End = native.Index + native.Length;
    }

    /// <summary>Wraps the object a custom matcher returned.</summary>
    public MatchResult(string match, int start, int end, JList groups, JObject source)
    {
        Match = match;
        Start = start;
        End = end;
        this.groups = groups;
        Source = source;
        Input = string.Empty;
    }

    /// <summary>The matched text.</summary>
    public string Match { get; }

    /// <summary>Start offset.</summary>
    public int Start { get; }

    /// <summary>End offset.</summary>
    public int End { get; }

    /// <summary>The match object a custom matcher returned (null for regex literals).</summary>
    public JObject? Source { get; }

    /// <summary>The regex literal that produced the match, if any.</summary>
    public RegexMatcher? Regex { get; }

    /// <summary>The string being matched.</summary>
    public string Input { get; }

    /// <summary>Captured groups (unmatched groups are empty strings).</summary>
    public JList Groups => groups ??= BuildGroups();

    /// <summary>The match object passed to a replacement function.</summary>
    public JObject ToObject() => Source ?? (JObject)Regex!.Exec(Input, Start)!;

    private JList BuildGroups()
    {
        var count = native!.Groups.Count;
        var list = new JList(count - 1);
        for (var g = 1; g < count; g++)
        {
            list.Add(native.Groups[g].Success ? native.Groups[g].Value : string.Empty);
        }

        return list;
    }
}
