using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;
using AslOnDurable.Jsonata;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>The JSONata functions AWS Step Functions adds, with ids and randomness from the execution host.</summary>
internal static class StepFunctionsJsonataFunctions
{
    /// <summary>A JSONata environment for one execution: Step Functions mode, host clock, host randomness.</summary>
    public static JsonataEnvironment CreateEnvironment(IExecutionHost host) => new()
    {
        StepFunctionsMode = true,
        Clock = () => host.UtcNow,
        Random = host.NextRandom,
        Functions =
        [
            new JsonataFunction("partition", null, args => Partition(args)),
            new JsonataFunction("range", null, args => Range(args)),
            new JsonataFunction("hash", null, args => Hash(args)),
            new JsonataFunction("random", null, args => Random(args, host)),
            new JsonataFunction("uuid", null, _ => JsonataValue.FromNode(JsonValue.Create(host.NewGuid().ToString()))),
            new JsonataFunction("parse", null, args => Parse(args)),
        ],
    };

    private static JsonNode? Arg(IReadOnlyList<JsonataValue> args, int index) => index < args.Count && args[index].IsDefined ? args[index].Node : null;

    private static JsonataException Invalid(string function, string why) => new("D3137", $"The {function} function {why}", -1);

    private static JsonataValue Partition(IReadOnlyList<JsonataValue> args)
    {
        if (Arg(args, 0) is not JsonArray array || !JsonNumbers.TryGetInt64(Arg(args, 1), out var size) || size <= 0)
        {
            throw Invalid("$partition", "expects an array and a positive chunk size.");
        }

        var result = new JsonArray();
        JsonArray? chunk = null;
        foreach (var item in array)
        {
            if (chunk is null || chunk.Count == size)
            {
                chunk = [];
                result.Add(chunk);
            }

            chunk.Add(item?.DeepClone());
        }

        return JsonataValue.FromNode(result);
    }

    private static JsonataValue Range(IReadOnlyList<JsonataValue> args)
    {
        if (!JsonNumbers.TryGetInt64(Arg(args, 0), out var start) || !JsonNumbers.TryGetInt64(Arg(args, 1), out var end)
            || !JsonNumbers.TryGetInt64(Arg(args, 2), out var step) || step == 0)
        {
            throw Invalid("$range", "expects integer start, end and a non-zero step.");
        }

        var result = new JsonArray();
        for (var i = start; step > 0 ? i <= end : i >= end; i += step)
        {
            if (result.Count >= 1000)
            {
                throw Invalid("$range", "would return more than 1000 items.");
            }

            result.Add((double)i);
        }

        // AWS returns a one-item range as the item itself (a JSONata singleton sequence).
        return JsonataValue.FromNode(result.Count == 1 ? result[0]!.DeepClone() : result);
    }

    private static JsonataValue Hash(IReadOnlyList<JsonataValue> args)
    {
        var data = Arg(args, 0);
        var algorithm = Arg(args, 1);
        if (data?.GetValueKind() != JsonValueKind.String || algorithm?.GetValueKind() != JsonValueKind.String)
        {
            throw Invalid("$hash", "expects a string and an algorithm name.");
        }

        var bytes = Encoding.UTF8.GetBytes(data.GetValue<string>());
#pragma warning disable CA5350, CA5351 // AWS's $hash offers MD5 and SHA-1; they are checksums here, not security.
        var hash = algorithm.GetValue<string>() switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            var other => throw Invalid("$hash", $"does not support the algorithm '{other}'."),
        };
#pragma warning restore CA5350, CA5351
        return JsonataValue.FromNode(JsonValue.Create(Convert.ToHexStringLower(hash)));
    }

    private static JsonataValue Random(IReadOnlyList<JsonataValue> args, IExecutionHost host)
    {
        if (Arg(args, 0) is { } seedNode)
        {
            if (!JsonNumbers.TryGetInt64(seedNode, out var seed))
            {
                throw Invalid("$random", "expects an integer seed.");
            }

            // A seeded value is a pure function of the seed (SplitMix64), as AWS documents for reproducibility.
            var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            return JsonataValue.FromNode(JsonValue.Create((z >> 11) * (1.0 / (1UL << 53))));
        }

        return JsonataValue.FromNode(JsonValue.Create(host.NextRandom()));
    }

    private static JsonataValue Parse(IReadOnlyList<JsonataValue> args)
    {
        if (Arg(args, 0) is not { } text || text.GetValueKind() != JsonValueKind.String)
        {
            throw Invalid("$parse", "expects a string.");
        }

        try
        {
            return JsonataValue.FromNode(StrictJson.Parse(text.GetValue<string>()));
        }
        catch (JsonException e)
        {
            throw Invalid("$parse", "could not parse the string as JSON: " + e.Message.ToString(CultureInfo.InvariantCulture));
        }
    }
}
