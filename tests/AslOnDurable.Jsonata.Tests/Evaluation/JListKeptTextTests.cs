using System.Buffers;
using System.Text;
using System.Text.Json;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

/// <summary>
/// Arrays keep their text as objects do (<see cref="NodeTextWriter.WriteKeepingTexts(Utf8JsonWriter, ArrayBufferWriter{byte}, object?)"/>):
/// a measured plain JSON array written twice keeps it, and later writes copy it while nothing in it changed in place.
/// </summary>
public sealed class JListKeptTextTests
{
    private const string Items = """[{"sku":"A <&> é","qty":1.5},[2,[]],"x",null,true,-0.0,1e300]""";

    private static readonly JsonWriterOptions HistoryOptions = new() { MaxDepth = JsonataLimits.MaxValueDepth, SkipValidation = true };

    [Fact]
    public void WriteKeepingTexts_MeasuredArray_KeptFromItsSecondWriteAndCopiedAfter()
    {
        var list = Measured(Items);
        var first = Write(list);
        Assert.True(list.KeptText(out _).IsEmpty);

        Assert.Equal(first, Write(list));
        Assert.Equal(first, Encoding.UTF8.GetString(list.KeptText(out var height)));
        Assert.Equal(2, height);

        // A text that is not the list's shows that the next write copies the kept one.
        list.KeepText("[\"KEPT\"]"u8, 0, KeptText.Epoch);
        Assert.Equal("""{"in":["KEPT"]}""", Write(new JObject { ["in"] = list }));
        Assert.Equal(NodeText(Measured(Items)), first);
    }

    [Fact]
    public void WriteKeepingTexts_ArrayNotMeasured_KeepsNoText()
    {
        var list = (JList)JsonataValue.Parse(Items).Raw!;

        _ = Write(list);
        _ = Write(list);

        Assert.True(list.KeptText(out _).IsEmpty);
    }

    [Fact]
    public void WriteKeepingTexts_ObjectInsideChangedInPlace_WrittenAsChanged()
    {
        var list = WrittenTwice("""[{"a":1},2]""");

        ((JObject)list[0]!)["a"] = 5d; // as $transform changes an object $clone did not copy
        KeptText.ChangedInPlace();

        Assert.Equal("""[{"a":5},2]""", Write(list));
    }

    [Fact]
    public void KeptText_ListFlaggedAfterItsTextWasKept_NotUsed()
    {
        var list = WrittenTwice("[1,2]");
        Assert.False(list.KeptText(out _).IsEmpty);

        list.KeepSingleton = true;

        Assert.True(list.KeptText(out _).IsEmpty);
    }

    [Fact]
    public void WriteKeepingTexts_WriterThatWroteBefore_KeepsTheArrayTextWithoutItsSeparatorOrName()
    {
        var list = Measured(Items);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HistoryOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("p");
            NodeTextWriter.WriteKeepingTexts(writer, buffer, list);
            writer.WritePropertyName("q");
            writer.WriteStartArray();
            writer.WriteNumberValue(0);
            NodeTextWriter.WriteKeepingTexts(writer, buffer, list); // the second write keeps it, after a separator
            NodeTextWriter.WriteKeepingTexts(writer, buffer, list); // the third copies it
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var text = NodeText(Measured(Items));
        Assert.Equal(text, Encoding.UTF8.GetString(list.KeptText(out _)));
        Assert.Equal($$"""{"p":{{text}},"q":[0,{{text}},{{text}}]}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WriteKeepingTexts_KeptArrayNearTheDepthLimit_FailsExactlyWhereBuildingItsNodeFails()
    {
        var kept = WrittenTwice("[[[1]],2]");
        Assert.False(kept.KeptText(out _).IsEmpty);
        object value = kept;
        for (var i = 0; i < JsonataLimits.MaxValueDepth - 6; i++)
        {
            value = new JList { value };
        }

        var failures = 0;
        for (var levels = 0; levels < 6; levels++)
        {
            var expected = Outcome(() => NodeText(value));
            Assert.Equal(expected, Outcome(() => Write(value)));
            failures += expected.StartsWith("throws", StringComparison.Ordinal) ? 1 : 0;
            value = new JList { value };
        }

        Assert.InRange(failures, 2, 5); // both sides of the limit were written
    }

    private static JList Measured(string json)
    {
        var value = JsonataValue.Parse(json);
        Assert.True(value.TryMeasurePlainJson(out _, out _));
        return (JList)value.Raw!;
    }

    private static JList WrittenTwice(string json)
    {
        var list = Measured(json);
        _ = Write(list);
        _ = Write(list);
        return list;
    }

    private static string Outcome(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (JsonataException e)
        {
            return "throws " + e.Code;
        }
    }

    private static string NodeText(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HistoryOptions))
        {
            if (ValueConverter.ToJsonNode(value) is { } node)
            {
                node.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Write(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HistoryOptions))
        {
            NodeTextWriter.WriteKeepingTexts(writer, buffer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
