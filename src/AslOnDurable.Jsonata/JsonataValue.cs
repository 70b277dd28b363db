using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata;

/// <summary>
/// A JSONata value: either "undefined" (no value) or a JSON value, where JSON <c>null</c> is a value.
/// Converting a document once and reusing the value across evaluations avoids repeated conversion.
/// </summary>
public readonly struct JsonataValue : IEquatable<JsonataValue>
{
    internal JsonataValue(object? raw)
    {
        Raw = raw;
    }

    /// <summary>The undefined value (no result).</summary>
    public static JsonataValue Undefined => default;

    /// <summary>The JSON <c>null</c> value.</summary>
    public static JsonataValue Null => new(JNull.Value);

    /// <summary>Whether there is a value (JSON null counts as a value).</summary>
    public bool IsDefined => Raw is not null;

    /// <summary>Whether the value is undefined.</summary>
    public bool IsUndefined => Raw is null;

    /// <summary>
    /// Whether the value is a function (a lambda, a built-in or a partial application). A function has no JSON form:
    /// <see cref="Node"/> gives an empty string for it, as jsonata-js's JSON output does; hosts that must reject it
    /// (Step Functions: "returned an unsupported result type") test this first.
    /// </summary>
    public bool IsFunction => Raw is Callable;

    /// <summary>Whether the value is an object or an array (a sequence counts as an array).</summary>
    public bool IsObjectOrArray => Raw is JObject or JList;

    /// <summary>The value as a new JSON node (null for JSON null and for undefined; check <see cref="IsDefined"/>).</summary>
    public JsonNode? Node => ValueConverter.ToJsonNode(Raw);

    internal object? Raw { get; }

    /// <summary>
    /// A count that changes whenever an object others may hold is changed in place (<c>$transform</c> through a
    /// <c>$clone</c> that does not copy). Values are otherwise never changed, so the text written of a value while this
    /// count stays the same is still its text (<see cref="WriteTo(Utf8JsonWriter)"/>).
    /// </summary>
    public static int InPlaceChanges => KeptText.Epoch;

    /// <summary>
    /// Writes the value as <see cref="Node"/> would write itself (<c>JsonNode.WriteTo</c>), without building it: the same
    /// text, byte for byte, with System.Text.Json's number format and escaping (not <see cref="ToJsonString"/>'s);
    /// <c>null</c> for JSON null and for undefined. Errors as building <see cref="Node"/> and writing it would raise.
    /// </summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        NodeTextWriter.Write(writer, Raw);
    }

    /// <summary>
    /// Writes the value as <see cref="WriteTo(Utf8JsonWriter)"/> does (the same text, byte for byte) into a writer over
    /// <paramref name="output"/> (nothing else writes into it meanwhile), keeping the text of each object it writes on
    /// that object, so that writing an object again (this value later, or another value sharing it) copies its text:
    /// for writers that write the same held values again and again (the execution history). With a writer that has written
    /// nothing yet (default encoder, not indented, nesting at least <see cref="JsonataLimits.MaxValueDepth"/> deep), the text
    /// goes straight into <paramref name="output"/> and the writer stays empty: the value is then all it writes there.
    /// </summary>
    /// <param name="writer">The writer; it writes into <paramref name="output"/>, and is flushed where an object's text starts and ends.</param>
    /// <param name="output">What the writer writes into.</param>
    public void WriteTo(Utf8JsonWriter writer, System.Buffers.ArrayBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(output);
        NodeTextWriter.WriteKeepingTexts(writer, output, Raw);
    }

    /// <summary>
    /// Writes the value as <see cref="WriteTo(Utf8JsonWriter, System.Buffers.ArrayBufferWriter{byte})"/> does (the same
    /// text, byte for byte), taking <paramref name="known"/>'s text for its object wherever the value holds that object
    /// (<c>{"keep": $states.input}</c>) or an object that begins with all of its members (<c>$merge([$states.input, {…}])</c>)
    /// instead of writing those members again: a state's output mostly carries its input, whose text was just written.
    /// </summary>
    /// <param name="writer">The writer; as for <see cref="WriteTo(Utf8JsonWriter, System.Buffers.ArrayBufferWriter{byte})"/>.</param>
    /// <param name="output">What the writer writes into; it must not hold <paramref name="known"/>'s text.</param>
    /// <param name="known">An object value's text, used only while it is still that value's text.</param>
    public void WriteTo(Utf8JsonWriter writer, System.Buffers.ArrayBufferWriter<byte> output, in JsonataValueText known)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(output);
        NodeTextWriter.WriteKeepingTexts(writer, output, Raw, known.Usable());
    }

    /// <summary>
    /// The value as a new JSON node, as <see cref="Node"/>, telling whether all its text is well-formed UTF-16: JSONata
    /// works on UTF-16 units, so <c>$split("😀", "")</c> or a <c>"\ud800"</c> escape can make a lone surrogate, which
    /// JSON text cannot carry faithfully. The check is made while the node is built (no second walk).
    /// </summary>
    /// <param name="wellFormed">False when a string or member name holds a lone surrogate.</param>
    /// <returns>The node (null for JSON null and for undefined).</returns>
    public JsonNode? ToNode(out bool wellFormed) => ValueConverter.ToJsonNode(Raw, out wellFormed);

    /// <summary>Converts a JSON node; a null node is JSON <c>null</c>.</summary>
    public static JsonataValue FromNode(JsonNode? node) => new(ValueConverter.FromJsonNode(node));

    /// <summary>
    /// Converts a JSON node, taking the objects and arrays <paramref name="known"/> holds as they are instead of
    /// converting them again.
    /// </summary>
    /// <param name="node">The node; null is JSON <c>null</c>.</param>
    /// <param name="known">Values already held for unchanged nodes, or null.</param>
    /// <returns>The value.</returns>
    public static JsonataValue FromNode(JsonNode? node, IConvertedNodes? known) => new(ValueConverter.FromJsonNode(node, known));

    /// <summary>
    /// Whether the value is plain JSON: converting <see cref="Node"/> back would give an equal value with the same
    /// behaviour (no sequences or flagged arrays, functions, non-finite numbers or undefined members inside), so a host
    /// may keep this value as the converted form of that node.
    /// </summary>
    public bool IsPlainJson => ValueConverter.IsPlainJson(Raw);

    /// <summary>
    /// Measures the value when it is plain JSON (see <see cref="IsPlainJson"/>), in one walk and without building a node:
    /// the UTF-8 size of the compact JSON text of <see cref="Node"/> (non-ASCII text counted as UTF-8, only <c>"</c>,
    /// <c>\</c> and control characters escaped, numbers in their shortest round-trip form, as System.Text.Json writes
    /// them), and whether all its text is well-formed UTF-16 (see <see cref="ToNode(out bool)"/>).
    /// </summary>
    /// <param name="utf8Size">The size in bytes.</param>
    /// <param name="wellFormed">False when a string or member name holds a lone surrogate.</param>
    /// <returns>False when the value is undefined or not plain JSON (nothing measured).</returns>
    public bool TryMeasurePlainJson(out long utf8Size, out bool wellFormed) =>
        ValueConverter.TryMeasurePlainJson(Raw, out utf8Size, out wellFormed);

    /// <summary>A string value.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static JsonataValue FromString(string text) => new(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>A number value (numbers are doubles, as in JavaScript).</summary>
    /// <param name="number">The number; a finite one for a value that has a JSON form.</param>
    /// <returns>The value.</returns>
    public static JsonataValue FromNumber(double number) => new(number);

    /// <summary>
    /// The one instance of a member name that expressions and converted JSON share (<paramref name="name"/> itself when
    /// none is kept yet, which is then kept): objects built by <see cref="CreateObject"/> with it are read by reference.
    /// For names fixed by the program or by a compiled definition, kept once (never per value: the pool is bounded).
    /// </summary>
    /// <param name="name">The member name.</param>
    /// <returns>The shared instance.</returns>
    public static string ShareName(string name) => KeyNames.Register(name);

    /// <summary>
    /// An object of the given members, in order (a later member of the same name replaces an earlier one); undefined
    /// members are left out. The members are taken as they are, not copied: like every value, they must not change.
    /// </summary>
    /// <param name="members">The members.</param>
    /// <returns>The object.</returns>
    public static JsonataValue CreateObject(ReadOnlySpan<KeyValuePair<string, JsonataValue>> members)
    {
        var obj = new JObject(members.Length);
        foreach (var (name, member) in members)
        {
            if (member.IsDefined)
            {
                obj[name] = member.Raw;
            }
        }

        return new(obj);
    }

    /// <summary>An array of the given items, in order; undefined items are left out. The items are taken as they are.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The array.</returns>
    public static JsonataValue CreateArray(ReadOnlySpan<JsonataValue> items)
    {
        var list = new JList(items.Length);
        foreach (var item in items)
        {
            if (item.IsDefined)
            {
                list.Add(item.Raw);
            }
        }

        return new(list);
    }

    /// <summary>
    /// The value as plain JSON (see <see cref="IsPlainJson"/>): equal to converting <see cref="Node"/> back, without
    /// building it; plain parts are shared, not copied. Undefined gives JSON <c>null</c>, as <see cref="Node"/> does.
    /// </summary>
    /// <returns>The plain value.</returns>
    public JsonataValue ToPlainJson() => new(ValueConverter.ToPlainJson(Raw));

    /// <summary>Converts a JSON element.</summary>
    public static JsonataValue FromElement(JsonElement element) => new(ValueConverter.FromJsonElement(element));

    /// <summary>Parses JSON text.</summary>
    public static JsonataValue Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, ValueDepthLimit.DocumentOptions);
        return FromElement(doc.RootElement);
    }

    /// <summary>Serialises the value as JSON text; undefined gives <c>undefined</c>.</summary>
    public string ToJsonString() => JsonWriter.Stringify(Raw, false, false);

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    /// <summary>JSON value equality (arrays in order, objects by key set).</summary>
    public bool Equals(JsonataValue other) => ValueSemantics.DeepEqual(Raw, other.Raw);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonataValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Raw is null ? 0 : ToJsonString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Value equality.</summary>
    public static bool operator ==(JsonataValue left, JsonataValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(JsonataValue left, JsonataValue right) => !left.Equals(right);
}
