using System.Globalization;
using System.Text;
using System.Text.Json;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Conformance;

/// <summary>
/// The JSON-lines protocol of the JSONata conformance driver: one request per line
/// (<c>{"id","expr","data"?,"bindings","timelimit"?,"depth"?}</c>), one response line each
/// (<c>result</c>, <c>undefined</c> or <c>error</c>).
/// </summary>
/// <param name="environment">The evaluation settings (clock, randomness, Step Functions mode).</param>
/// <param name="elapsedMilliseconds">
/// Optional monotonic time source; when given, a request's <c>timelimit</c> is enforced as <c>U1001</c>.
/// </param>
public sealed class JsonLinesServer(JsonataEnvironment? environment = null, Func<long>? elapsedMilliseconds = null)
{
    private readonly JsonataEnvironment environment = environment ?? JsonataEnvironment.Default;

    /// <summary>Serves requests from <paramref name="input"/> until it ends.</summary>
    public void Run(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            output.WriteLine(Handle(line));
            output.Flush();
        }
    }

    /// <summary>Handles one request line and returns the response line; never throws, whatever the line holds.</summary>
    /// <remarks>
    /// A line that is not a JSON object (as deep as <see cref="JsonataLimits.MaxValueDepth"/>) with a string
    /// <c>expr</c> gets an <c>error</c> answer; the <c>id</c> is echoed when it is a string, a number or null (an id of
    /// another type, or an unreadable line, is answered with <c>"id":null</c>).
    /// </remarks>
    public string Handle(string requestLine)
    {
        ArgumentNullException.ThrowIfNull(requestLine);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(requestLine, ValueDepthLimit.DocumentOptions);
        }
        catch (JsonException e)
        {
            return ProtocolError("null", "The request is not valid JSON: " + e.Message);
        }
        catch (ArgumentException e)
        {
            // A raw lone surrogate in the line (not an escape) cannot be transcoded to UTF-8 for the reader.
            return ProtocolError("null", "The request is not valid Unicode text: " + e.Message);
        }

        using (doc)
        {
            try
            {
                return Handle(doc.RootElement);
            }
            catch (InvalidOperationException)
            {
                // Reading a property name with an escaped lone surrogate ("\ud800") throws: the request cannot be read.
                return ProtocolError("null", "A property name of the request holds a lone UTF-16 surrogate.");
            }
        }
    }

    private string Handle(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ProtocolError("null", "The request must be a JSON object.");
        }

        var id = root.TryGetProperty("id", out var idElement) ? idElement : default;
        var idJson = id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.GetRawText() : "null";
        if (id.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number))
        {
            return ProtocolError(idJson, "The request's id must be a string, a number or null.");
        }

        if (!root.TryGetProperty("expr", out var exprElement) || exprElement.ValueKind != JsonValueKind.String)
        {
            return ProtocolError(idJson, "The request needs an expr string.");
        }

        try
        {
            return Evaluate(root, idJson);
        }
#pragma warning disable CA1031 // The protocol must answer every request, even when writing an error fails.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ProtocolError(idJson, e.GetType().Name + ": " + e.Message);
        }
    }

    private static string ProtocolError(string idJson, string message)
    {
        var sb = new StringBuilder("{\"id\":").Append(idJson).Append(",\"error\":{\"message\":");
        JsonWriter.WriteString(sb, message);
        return sb.Append("}}").ToString();
    }

    private string Evaluate(JsonElement root, string idJson)
    {
        var sb = new StringBuilder();
        sb.Append("{\"id\":").Append(idJson);
        try
        {
            var expression = JsonataExpression.Compile(ReadString(root.GetProperty("expr")));
            var data = root.TryGetProperty("data", out var dataElement) ? JsonataValue.FromElement(dataElement) : JsonataValue.Undefined;
            var bindings = new Dictionary<string, JsonataValue>(StringComparer.Ordinal);
            if (root.TryGetProperty("bindings", out var bindingsElement) && bindingsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in bindingsElement.EnumerateObject())
                {
                    bindings[p.Name] = JsonataValue.FromElement(p.Value);
                }
            }

            var limits = LimitsFor(root);
            var result = expression.Evaluate(data, bindings, environment, limits);
            if (result.IsUndefined || result.Raw is Callable)
            {
                sb.Append(",\"undefined\":true}");
            }
            else
            {
                // Written whole before it is appended: a result too deep to write fails here, not halfway through the answer.
                var text = JsonWriter.Stringify(result.Raw, false, false);
                sb.Append(",\"result\":").Append(text).Append('}');
            }
        }
        catch (JsonataException e)
        {
            sb.Append(",\"error\":{\"code\":");
            JsonWriter.WriteString(sb, e.Code);
            sb.Append(",\"message\":");
            JsonWriter.WriteString(sb, e.Message);
            sb.Append(",\"position\":").Append(e.Position.ToString(CultureInfo.InvariantCulture));
            if (e.Token is not null)
            {
                sb.Append(",\"token\":");
                JsonWriter.WriteString(sb, e.Token);
            }

            if (e.HasValue && e.RawValue is not null)
            {
                sb.Append(",\"value\":").Append(JsonWriter.Stringify(e.RawValue, false, false));
            }

            if (e.FunctionName is not null)
            {
                sb.Append(",\"functionName\":");
                JsonWriter.WriteString(sb, e.FunctionName);
            }

            sb.Append("}}");
        }
#pragma warning disable CA1031 // The protocol must answer every request, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            sb.Append(",\"error\":{\"message\":");
            JsonWriter.WriteString(sb, e.GetType().Name + ": " + e.Message);
            sb.Append("}}");
        }

        return sb.ToString();
    }

    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // Lone surrogates (\uD800) are legal in JSONata strings but System.Text.Json refuses them.
            var raw = element.GetRawText();
            var sb = new StringBuilder(raw.Length);
            for (var i = 1; i < raw.Length - 1; i++)
            {
                var c = raw[i];
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                var e = raw[++i];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        sb.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }

            return sb.ToString();
        }
    }

    private EvaluationLimits LimitsFor(JsonElement root)
    {
        var hasDepth = root.TryGetProperty("depth", out var depthElement) && depthElement.ValueKind == JsonValueKind.Number;
        var hasTime = root.TryGetProperty("timelimit", out var timeElement) && timeElement.ValueKind == JsonValueKind.Number;
        if (!hasDepth || !hasTime)
        {
            return new EvaluationLimits(environment.MaxDepth, environment.MaxSteps, null, 0);
        }

        var depth = depthElement.GetInt32();
        var timeLimit = timeElement.GetInt64();
        if (elapsedMilliseconds is null)
        {
            return new EvaluationLimits(depth, environment.MaxSteps, null, 0);
        }

        var start = elapsedMilliseconds();
        return new EvaluationLimits(depth, environment.MaxSteps, () => elapsedMilliseconds() - start, timeLimit);
    }
}
