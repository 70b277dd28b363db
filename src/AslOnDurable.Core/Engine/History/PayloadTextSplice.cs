using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// Where a plain dotted ResultPath (<c>$.a.b.c</c>) changed a payload's text: a JSONPath state whose output is its
/// input with the result placed at that path changed only the deepest object on the path's parents that its input's
/// text already had (the member set or replaced there, or a missing/null member turned into an object on the way), so
/// the output's text is the input's with that object's text written anew (<see cref="HistoryRecorder.Splice"/>).
/// Stopping higher than that object is always right (more is written anew), so the text is scanned plainly: member
/// names are compared as written (a name written with an escape never matches and ends the walk there).
/// </summary>
/// <param name="names">The path's names, the member set last.</param>
internal sealed class PayloadTextSplice(string[] names)
{
    private readonly byte[][] utf8Names = Array.ConvertAll(names, name => Encoding.UTF8.GetBytes(name));

    /// <summary>The splice of a ResultPath with at least two names (one name changes the root: nothing to keep), or null.</summary>
    public static PayloadTextSplice? For(string? resultPath) =>
        resultPath is not null && Paths.ResultPathApplier.IsPlainDotted(resultPath) && resultPath.IndexOf('.', 2) > 0
            ? new PayloadTextSplice(resultPath[2..].Split('.'))
            : null;

    /// <summary>
    /// Finds, in <paramref name="text"/> (the input's compact JSON, as the writer wrote it), the range of the deepest
    /// object along the path's parents, and that object in <paramref name="output"/> (the input with the result placed).
    /// </summary>
    /// <returns>False when the text's root is not an object or the object is not found in the output.</returns>
    public bool TryFind(ReadOnlySpan<byte> text, JsonNode output, out int start, out int end, out JsonNode changed)
    {
        (start, end, changed) = (0, 0, output);
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return false;
        }

        for (var depth = 0; depth < names.Length - 1; depth++)
        {
            var member = Member(text, start, utf8Names[depth]);
            if (member < 0 || text[member] != (byte)'{' || changed is not JsonObject obj || !obj.TryGetPropertyValue(names[depth], out var next) || next is not JsonObject)
            {
                break;
            }

            (start, changed) = (member, next);
        }

        end = SkipValue(text, start);
        return end > start && changed is JsonObject;
    }

    /// <summary>The start of member <paramref name="name"/>'s value in the object starting at <paramref name="at"/>, or -1.</summary>
    private static int Member(ReadOnlySpan<byte> text, int at, byte[] name)
    {
        var position = at + 1;
        while (position < text.Length && text[position] == (byte)'"')
        {
            var nameEnd = SkipString(text, position);
            if (nameEnd < 0 || nameEnd >= text.Length || text[nameEnd] != (byte)':')
            {
                return -1;
            }

            var value = nameEnd + 1;
            if (text[(position + 1)..(nameEnd - 1)].SequenceEqual(name))
            {
                return value;
            }

            position = SkipValue(text, value);
            if (position < 0 || position >= text.Length || text[position] != (byte)',')
            {
                return -1;
            }

            position++;
        }

        return -1;
    }

    /// <summary>The index just past the value starting at <paramref name="at"/>, or -1.</summary>
    /// <remarks>A byte loop: values here are short and dense with quotes, where vectorized searches cost more per call than they save.</remarks>
    private static int SkipValue(ReadOnlySpan<byte> text, int at)
    {
        if (at >= text.Length)
        {
            return -1;
        }

        var first = text[at];
        if (first == (byte)'"')
        {
            return SkipString(text, at);
        }

        if (first is not ((byte)'{' or (byte)'['))
        {
            var position = at;
            while (position < text.Length && text[position] is not ((byte)',' or (byte)'}' or (byte)']'))
            {
                position++;
            }

            return position;
        }

        var depth = 0;
        for (var position = at; position < text.Length; position++)
        {
            switch (text[position])
            {
                case (byte)'"':
                    position = SkipString(text, position);
                    if (position < 0)
                    {
                        return -1;
                    }

                    position--; // the loop steps past the closing quote
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return position + 1;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>The index just past the string starting at <paramref name="at"/> (its opening quote), or -1.</summary>
    private static int SkipString(ReadOnlySpan<byte> text, int at)
    {
        for (var position = at + 1; position < text.Length; position++)
        {
            switch (text[position])
            {
                case (byte)'\\':
                    position++;
                    break;
                case (byte)'"':
                    return position + 1;
            }
        }

        return -1;
    }
}
