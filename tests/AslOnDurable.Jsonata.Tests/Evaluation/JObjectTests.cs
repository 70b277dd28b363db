using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Tests.Evaluation;

public sealed class JObjectTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Members_KeepInsertionOrderAndFindKeysByValue_BelowAndAboveTheLinearLimit(int count)
    {
        var obj = new JObject();
        for (var i = 0; i < count; i++)
        {
            obj.Add("k" + i, (double)i);
        }

        obj[new string("k1".ToCharArray())] = "replaced";
        obj["extra"] = true;

        Assert.Equal(count + 1, obj.Count);
        Assert.Equal("replaced", obj["k1"]);
        Assert.True(obj.TryGetValue("k" + (count - 1), out var last));
        Assert.Equal((double)(count - 1), last);
        Assert.False(obj.ContainsKey("missing"));
        Assert.Null(obj.GetValueOrDefault("missing"));
        Assert.Throws<KeyNotFoundException>(() => obj["missing"]);
        Assert.Throws<ArgumentException>(() => obj.Add("k0", 0d));
        Assert.Equal(["k0", "k1"], obj.Take(2).Select(kv => kv.Key));
        Assert.Equal(new KeyValuePair<string, object?>("extra", true), obj.GetAt(count));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    public void Remove_KeepsTheOrderOfTheOthers(int count)
    {
        var obj = new JObject(2);
        for (var i = 0; i < count; i++)
        {
            obj["k" + i] = (double)i;
        }

        Assert.True(obj.Remove("k1"));
        Assert.False(obj.Remove("k1"));
        obj["k1"] = "again";

        Assert.Equal(count, obj.Count);
        Assert.Equal(["k0", "k2"], obj.Take(2).Select(kv => kv.Key));
        Assert.Equal("k1", obj.GetAt(count - 1).Key);
        Assert.Equal("again", obj["k1"]);
        Assert.Equal((double)(count - 1), obj["k" + (count - 1)]);
    }
}
