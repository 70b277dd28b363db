using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata;

/// <summary>
/// A value's compact JSON text as <see cref="JsonataValue.WriteTo(System.Text.Json.Utf8JsonWriter, System.Buffers.ArrayBufferWriter{byte})"/>
/// wrote it, and <see cref="JsonataValue.InPlaceChanges"/> read before it was written: while that count stays, the text is
/// still the value's, and writing a value that holds it can copy it (see
/// <see cref="JsonataValue.WriteTo(System.Text.Json.Utf8JsonWriter, System.Buffers.ArrayBufferWriter{byte}, in JsonataValueText)"/>).
/// </summary>
/// <param name="value">The value written.</param>
/// <param name="text">Its text, exactly as written (not escaped further, not indented).</param>
/// <param name="inPlaceChanges">The count read before the text was written.</param>
public readonly struct JsonataValueText(JsonataValue value, ReadOnlyMemory<byte> text, int inPlaceChanges)
{
    /// <summary>The text as the writer takes it: only an object's, measured as plain JSON, and only while no value changed in place since.</summary>
    internal NodeTextWriter.KnownText Usable() =>
        value.Raw is JObject obj && obj.Measure is { } measure && text.Length >= 2 && inPlaceChanges == KeptText.Epoch
            ? new(obj, text, measure.Height)
            : default;
}
