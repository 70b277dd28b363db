using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

public sealed class PlainJsonMeasureTests
{
    [Theory]
    [InlineData(0L, 0, true)]
    [InlineData(2L, 0, false)]
    [InlineData(123_456L, 7, true)]
    [InlineData(5_000_000_000L, JsonataLimits.MaxValueDepth - 1, false)]
    public void Measure_KeptOnObjectsAndArrays_ReadsBackWhatWasStored(long size, int height, bool wellFormed)
    {
        var obj = new JObject();
        var list = new JList();
        Assert.Null(obj.Measure);
        Assert.Null(list.Measure);

        obj.Measure = new PlainJsonMeasure(size, height, wellFormed);
        list.Measure = new PlainJsonMeasure(size, height, wellFormed);

        foreach (var measure in new[] { obj.Measure, list.Measure })
        {
            Assert.NotNull(measure);
            Assert.Equal(size, measure.Value.Size);
            Assert.Equal(height, measure.Value.Height);
            Assert.Equal(wellFormed, measure.Value.WellFormed);
        }

        obj.Measure = null;
        Assert.Null(obj.Measure);
    }

    [Fact]
    public void TryMeasurePlainJson_MeasuredTwice_GivesTheSameSizeFromTheKeptMeasure()
    {
        var inner = new JObject { { "a", "x\ud800" }, { "b", 1.5 } };
        var outer = new JObject { { "inner", inner }, { "list", new JList { "y", 2.0 } } };

        Assert.True(new JsonataValue(outer).TryMeasurePlainJson(out var first, out var firstWellFormed));
        Assert.NotNull(outer.Measure);
        Assert.True(new JsonataValue(outer).TryMeasurePlainJson(out var second, out var secondWellFormed));

        Assert.Equal(first, second);
        Assert.False(firstWellFormed);
        Assert.False(secondWellFormed);
        Assert.Equal(1, outer.Measure.Value.Height);
    }
}
