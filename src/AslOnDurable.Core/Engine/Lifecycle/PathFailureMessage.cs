using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>AWS's texts for a reference path that selects nothing (Jayway JsonPath wording, bracket notation).</summary>
internal static class PathFailureMessage
{
    /// <summary>
    /// <c>Invalid path '$.a.b' : No results for path: $['a']['b']</c> when only the last step is missing, or
    /// <c>... : Missing property in path $['a']</c> when an intermediate step is.
    /// </summary>
    public static string For(string path, JsonNode? input)
    {
        var segments = Split(path);
        var bracket = new StringBuilder("$");
        var node = input;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            bracket.Append(int.TryParse(segment, out _) && segment[0] != '\'' ? $"[{segment}]" : $"['{segment}']");
            JsonNode? next = null;
            var exists = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out next),
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => (next = array[index]) is not null || true,
                _ => false,
            };
            if (!exists)
            {
                return i == segments.Count - 1
                    ? $"Invalid path '{path}' : No results for path: {Full(segments)}"
                    : $"Invalid path '{path}' : Missing property in path {bracket}";
            }

            node = next;
        }

        return $"Invalid path '{path}' : No results for path: {Full(segments)}";
    }

    private static string Full(List<string> segments)
    {
        var text = new StringBuilder("$");
        foreach (var segment in segments)
        {
            text.Append(int.TryParse(segment, out _) ? $"[{segment}]" : $"['{segment}']");
        }

        return text.ToString();
    }

    private static List<string> Split(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                segments.Add(path[(i + 1)..end].Trim('\'', '"'));
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }
}
