namespace AslOnDurable.Jsonata.Tests;

public sealed class JsonataEnvironmentTests
{
    [Fact]
    public void Clock_IsReadOncePerEvaluation_ForNowAndMillis()
    {
        var calls = 0;
        var environment = new JsonataEnvironment
        {
            Clock = () =>
            {
                calls++;
                return new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
            },
        };
        Assert.Equal("[\"2024-01-02T03:04:05.678Z\",1704164645678]", ExpressionRunner.Run("[$now(), $millis()]", null, environment));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Clock_ExpressionWithoutNowOrMillis_IsNotRead()
    {
        var calls = 0;
        var environment = new JsonataEnvironment { Clock = () => { calls++; return DateTimeOffset.UnixEpoch; } };

        Assert.Equal("3", ExpressionRunner.Run("1 + 2", null, environment));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Random_IsInjected_ForRandomAndShuffle()
    {
        var environment = new JsonataEnvironment { Random = () => 0.25 };
        Assert.Equal("0.25", ExpressionRunner.Run("$random()", null, environment));
        Assert.Equal(3, ExpressionRunner.Run("$shuffle([1,2,3])", null, environment).Split(',').Length);
    }

    [Fact]
    public void StepFunctionsMode_WithholdsEval()
    {
        var environment = new JsonataEnvironment { StepFunctionsMode = true };
        Assert.Equal("T1006", ExpressionRunner.Fails("$eval('1+1')", null, environment).Code);
        Assert.Equal("2", ExpressionRunner.Run("$eval('1+1')"));
    }

    [Fact]
    public void Functions_ExtraFunction_IsCallableWithSignature()
    {
        var partition = new JsonataFunction("partition", "<an:a>", args =>
        {
            var items = args[0].Node!.AsArray();
            var size = (int)args[1].Node!.GetValue<double>();
            var chunks = new System.Text.Json.Nodes.JsonArray();
            for (var i = 0; i < items.Count; i += size)
            {
                var chunk = new System.Text.Json.Nodes.JsonArray();
                for (var j = i; j < Math.Min(i + size, items.Count); j++)
                {
                    chunk.Add(items[j]!.DeepClone());
                }

                chunks.Add(chunk);
            }

            return JsonataValue.FromNode(chunks);
        });
        var environment = new JsonataEnvironment { Functions = [partition] };
        Assert.Equal("[[1,2],[3]]", ExpressionRunner.Run("$partition([1,2,3], 2)", null, environment));
        Assert.Equal("T0410", ExpressionRunner.Fails("$partition([1], 'x')", null, environment).Code);
    }

    [Fact]
    public void Functions_UserBinding_ShadowsExtraFunction()
    {
        var range = new JsonataFunction("range", null, _ => JsonataValue.Null);
        var environment = new JsonataEnvironment { Functions = [range] };
        Assert.Equal("5", ExpressionRunner.Run("($range := function(){5}; $range())", null, environment));
    }

    [Fact]
    public void MaxDepth_DeepNonTailRecursion_RaisesU1001()
    {
        var environment = new JsonataEnvironment { MaxDepth = 200 };
        Assert.Equal("U1001", ExpressionRunner.Fails("($f := function($n){$n = 0 ? 0 : 1 + $f($n - 1)}; $f(1000))", null, environment).Code);
    }

    [Fact]
    public void MaxSteps_InfiniteTailLoop_RaisesU1001()
    {
        var environment = new JsonataEnvironment { MaxSteps = 100_000 };
        Assert.Equal("U1001", ExpressionRunner.Fails("($f := function(){$f()}; $f())", null, environment).Code);
    }

    [Fact]
    public void TimeLimit_InjectedElapsedTimeBeyondBudget_RaisesU1001()
    {
        long now = 0;
        var environment = new JsonataEnvironment { ElapsedMilliseconds = () => now += 10, TimeLimitMilliseconds = 50 };
        Assert.Equal("U1001", ExpressionRunner.Fails("$sum([1..100000].($ * 2))", null, environment).Code);
    }
}
