using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Arguments;

/// <summary>A nested intrinsic call used as an argument.</summary>
/// <param name="call">The call.</param>
internal sealed class CallArgument(IntrinsicCall call) : IntrinsicArgument
{
    /// <summary>The call.</summary>
    public IntrinsicCall Call => call;

    /// <inheritdoc/>
    public override string Text => call.Text;

    /// <inheritdoc/>
    public override JsonNode? Evaluate(IntrinsicScope scope) => call.Evaluate(scope);
}
