using System.Globalization;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Id;

/// <summary><c>States.UUID()</c>: a new random (version 4) UUID from the execution host, lowercase with hyphens.</summary>
internal sealed class UuidFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.UUID";

    /// <inheritdoc/>
    public override int MinArguments => 0;

    /// <inheritdoc/>
    public override int MaxArguments => 0;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope) =>
        JsonValue.Create(scope.Environment.NewUuid().ToString("D", CultureInfo.InvariantCulture));
}
