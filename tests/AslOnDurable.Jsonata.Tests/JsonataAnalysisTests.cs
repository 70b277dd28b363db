namespace AslOnDurable.Jsonata.Tests;

public sealed class JsonataAnalysisTests
{
    private static JsonataAnalysis Analyze(string expression, JsonataEnvironment? environment = null) =>
        JsonataExpression.Compile(expression).Analyze(environment);

    private static string[] TopLevel(string expression) =>
        [.. Analyze(expression).TopLevelReferences.Select(r => r.Name)];

    [Theory]
    [InlineData("$x", new[] { "x" })]
    [InlineData("$x.y + $z[0]", new[] { "x", "z" })]
    [InlineData("$states.input.a", new[] { "states" })]
    [InlineData("$b + $a + $b", new[] { "b", "a" })]
    [InlineData("$states.input.items[value > $lo]", new[] { "states", "lo" })]
    [InlineData("$states.input.a^($weight)", new[] { "states", "weight" })]
    [InlineData("$states.input.a{$key: $value}", new[] { "states", "key", "value" })]
    [InlineData("$states.input ~> |$p|{'b': $u}, [$d]|", new[] { "states", "p", "u", "d" })]
    [InlineData("$f(1) ? $g : -$h", new[] { "f", "g", "h" })]
    public void Analyze_UnboundVariables_AreFreeInWritingOrder(string expression, string[] expected)
    {
        // Act
        var analysis = Analyze(expression);

        // Assert
        Assert.Equal(expected, analysis.FreeVariables.ToArray());
    }

    [Theory]
    [InlineData("($x := 1; $x + 1)")]
    [InlineData("$x := 1")]
    [InlineData("function($x, $y){ $x + $y }")]
    [InlineData("($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))")]
    [InlineData("($g := function(){ $later }; $later := 2; $g())")]
    [InlineData("$string(1) & $uppercase('a') & $map([1], $string)")]
    [InlineData("$states.input.a@$o.b#$i[$i > 0].{'o': $o}")]
    public void Analyze_LocallyBoundNamesAndBuiltIns_AreNotFree(string expression)
    {
        // Act
        var analysis = Analyze(expression);

        // Assert
        Assert.DoesNotContain(analysis.FreeVariables, name => name != "states");
    }

    [Fact]
    public void Analyze_ReadBeforeItsBinding_IsFree()
    {
        // Act
        var analysis = Analyze("($x := $x + 1; $x)");

        // Assert
        Assert.Equal(["x"], analysis.FreeVariables.ToArray());
    }

    [Fact]
    public void Analyze_BindingInsideBlock_DoesNotLeakOut()
    {
        // Act
        var analysis = Analyze("(($y := 1); $y)");

        // Assert
        Assert.Equal(["y"], analysis.FreeVariables.ToArray());
    }

    [Fact]
    public void Analyze_LambdaParameter_ShadowsOnlyInsideTheLambda()
    {
        // Act
        var analysis = Analyze("$map($xs, function($x){ $x + $k }) ~> $append($x)");

        // Assert
        Assert.Equal(["xs", "k", "x"], analysis.FreeVariables.ToArray());
    }

    [Fact]
    public void Analyze_EnvironmentFunctions_AreNotFree()
    {
        // Arrange
        var environment = new JsonataEnvironment
        {
            StepFunctionsMode = true,
            Functions = [new JsonataFunction("uuid", null, _ => JsonataValue.Undefined)],
        };

        // Act
        var analysis = Analyze("$uuid() & $eval('1')", environment);

        // Assert
        Assert.Equal(["eval"], analysis.FreeVariables.ToArray());
    }

    [Theory]
    [InlineData("$", true, false)]
    [InlineData("$$.a", false, true)]
    [InlineData("$states.input.a[$ > 1]", true, false)]
    [InlineData("$x.y", false, false)]
    public void Analyze_ContextAndRoot_AreTrackedApartFromVariables(string expression, bool context, bool root)
    {
        // Act
        var analysis = Analyze(expression);

        // Assert
        Assert.Equal(context, analysis.ReadsContext);
        Assert.Equal(root, analysis.ReadsRoot);
        Assert.DoesNotContain("", analysis.FreeVariables);
        Assert.DoesNotContain("$", analysis.FreeVariables);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("phone[0].number")]
    [InlineData("phone.number.street")]
    [InlineData("-phone")]
    [InlineData("phone ? 1 : 2")]
    [InlineData("$states.input.a ? phone : 2")]
    [InlineData("phone & 'x'")]
    [InlineData("phone in $states.input.b")]
    [InlineData("$sum(phone)")]
    [InlineData("phone(1)")]
    [InlineData("phone ~> $string()")]
    [InlineData("[1..phone]")]
    [InlineData("(phone)")]
    [InlineData("(phone).other")]
    [InlineData("[phone].other")]
    [InlineData("[phone, 1]")]
    [InlineData("{phone: 1}")]
    [InlineData("($x := phone; $x)")]
    [InlineData("$map($states.input.a, function($y){ phone })")]
    [InlineData("$count(phone[inner])")]
    [InlineData("phone.**.deeper")]
    public void Analyze_FieldReadAtTopLevel_IsReported(string expression)
    {
        // Act
        var analysis = Analyze(expression);

        // Assert
        var reference = Assert.Single(analysis.TopLevelReferences);
        Assert.Equal(new JsonataTopLevelReference(JsonataReferenceKind.Field, "phone"), reference);
        Assert.True(analysis.ReferencesTopLevelContext);
    }

    [Theory]
    [InlineData("$states.input.phone")]
    [InlineData("$states.input.a[0].phone")]
    [InlineData("$states.input.items[phone > 3]")]
    [InlineData("$states.input.a^(phone)")]
    [InlineData("$states.input.a{'k': phone}")]
    [InlineData("$states.input.a.(phone)")]
    [InlineData("$states.input.a.$phone")]
    [InlineData("$phone")]
    [InlineData("$states.input ~> |phone|{'b': 1}|")]
    [InlineData("**.phone")]
    [InlineData("{'k': 1}.phone")]
    [InlineData("$states.input.a[0][phone]")]
    [InlineData("$states.input.a[$ > 1]")]
    [InlineData("function($x){ $x.phone }")]
    [InlineData("$map($states.input.a, function($x){ $x.phone })")]
    [InlineData("'phone'")]
    [InlineData("1 + 1")]
    [InlineData("$now()")]
    public void Analyze_NameNotReadFromTopLevelContext_IsNotReported(string expression)
    {
        // Act
        var analysis = Analyze(expression);

        // Assert
        Assert.Empty(analysis.TopLevelReferences);
        Assert.False(analysis.ReferencesTopLevelContext);
    }

    [Theory]
    [InlineData("$", JsonataReferenceKind.Context, "$")]
    [InlineData("$.phone", JsonataReferenceKind.Context, "$")]
    [InlineData("$[0]", JsonataReferenceKind.Context, "$")]
    [InlineData("$string($)", JsonataReferenceKind.Context, "$")]
    [InlineData("$map($states.input.a, function($x){ $ })", JsonataReferenceKind.Context, "$")]
    [InlineData("$$", JsonataReferenceKind.Root, "$$")]
    [InlineData("$$.phone", JsonataReferenceKind.Root, "$$")]
    public void Analyze_ContextItemOrRootAtTopLevel_IsReportedByKind(string expression, JsonataReferenceKind kind, string name)
    {
        // Act
        var reference = Assert.Single(Analyze(expression).TopLevelReferences);

        // Assert
        Assert.Equal(kind, reference.Kind);
        Assert.Equal(name, reference.Name);
        Assert.Equal(name, reference.ToString());
    }

    [Theory]
    [InlineData("aaa + bbb", new[] { "aaa", "bbb" })]
    [InlineData("[bbb, aaa]", new[] { "bbb", "aaa" })]
    [InlineData("aaa + aaa", new[] { "aaa" })]
    [InlineData("(aaa; bbb)", new[] { "aaa", "bbb" })]
    [InlineData("$number(aaa) + $number(bbb)", new[] { "aaa", "bbb" })]
    public void Analyze_SeveralTopLevelReads_AreDistinctInWritingOrder(string expression, string[] expected)
    {
        // Act
        var names = TopLevel(expression);

        // Assert
        Assert.Equal(expected, names);
    }
}
