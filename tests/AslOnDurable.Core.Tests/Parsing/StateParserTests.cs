using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Tests.Parsing;

public class StateParserTests
{
    private const string JsonPathFixture = "parsing/all-states-jsonpath.asl.json";
    private const string JsonataFixture = "parsing/all-states-jsonata.asl.json";

    [Fact]
    public void Parse_PassState_ReadsEveryJsonPathField()
    {
        // Act
        var pass = Assert.IsType<PassState>(ShapeParse.Valid(JsonPathFixture).States["Pass"]);

        // Assert
        Assert.Equal("c", pass.Comment);
        Assert.Equal("$.in", pass.InputPath);
        Assert.Null(pass.OutputPath);
        Assert.Equal("$.res", pass.ResultPath);
        Assert.True(pass.HasResult);
        Assert.Equal(1, pass.Result!["r"]!.GetValue<int>());
        Assert.Equal("$.x", pass.Parameters!["a.$"]!.GetValue<string>());
        Assert.Equal("$.x", pass.Assign!["v.$"]!.GetValue<string>());
        Assert.Equal("Task", pass.Next);
        Assert.False(pass.End);
        Assert.Equal("/States/Pass", pass.Location);
        Assert.Equal(QueryLanguage.JSONPath, pass.QueryLanguage);
    }

    [Fact]
    public void Parse_AbsentPathFields_DefaultToDollar()
    {
        // Act
        var map = Assert.IsType<MapState>(ShapeParse.Valid(JsonPathFixture).States["Map"]);

        // Assert
        Assert.Equal("$", map.InputPath);
        Assert.Equal("$", map.OutputPath);
        Assert.Equal("$.items", map.ItemsPath);
    }

    [Fact]
    public void Parse_TaskState_ReadsResourceTemplatesTimeoutsAndErrorHandling()
    {
        // Act
        var task = Assert.IsType<TaskState>(ShapeParse.Valid(JsonPathFixture).States["Task"]);

        // Assert
        Assert.Equal("arn:aws:states:::lambda:invoke", task.Resource);
        Assert.Null(task.ResultPath);
        Assert.Equal("$.Payload", task.ResultSelector!["p.$"]!.GetValue<string>());
        Assert.Equal("$.timeout", task.TimeoutSecondsPath);
        Assert.Null(task.TimeoutSeconds);
        Assert.Equal(5, task.HeartbeatSeconds!.GetValue<int>());
        Assert.Equal("arn:aws:iam::1:role/r", task.Credentials!["RoleArn"]!.GetValue<string>());
        Assert.Equal(2, task.Retry.Length);
        var retrier = task.Retry[0];
        Assert.Equal(["States.Timeout"], retrier.ErrorEquals.ToArray());
        Assert.Equal(2, retrier.IntervalSeconds);
        Assert.Equal(5, retrier.MaxAttempts);
        Assert.Equal(1.5, retrier.BackoffRate);
        Assert.Equal(30, retrier.MaxDelaySeconds);
        Assert.Equal(JitterStrategy.Full, retrier.JitterStrategy);
        Assert.Equal("r", retrier.Comment);
        var defaults = task.Retry[1];
        Assert.Equal((1, 3, 2.0, (int?)null, JitterStrategy.None), (defaults.IntervalSeconds, defaults.MaxAttempts, defaults.BackoffRate, defaults.MaxDelaySeconds, defaults.JitterStrategy));
        var catcher = Assert.Single(task.Catch);
        Assert.Equal("Fail", catcher.Next);
        Assert.Equal("$.error", catcher.ResultPath);
        Assert.True(catcher.Assign!["caught"]!.GetValue<bool>());
    }

    [Fact]
    public void Parse_WaitAndFailStates_ReadPathForms()
    {
        // Act
        var definition = ShapeParse.Valid(JsonPathFixture);

        // Assert
        var wait = Assert.IsType<WaitState>(definition.States["Wait"]);
        Assert.Equal("$.seconds", wait.SecondsPath);
        Assert.Null(wait.Seconds);
        var fail = Assert.IsType<FailState>(definition.States["Fail"]);
        Assert.Equal("$.error.Error", fail.ErrorPath);
        Assert.StartsWith("States.Format(", fail.CausePath, StringComparison.Ordinal);
        Assert.False(fail.End);
        Assert.Null(fail.Next);
    }

    [Fact]
    public void Parse_ParallelState_ParsesBranchesWithLocations()
    {
        // Act
        var parallel = Assert.IsType<ParallelState>(ShapeParse.Valid(JsonPathFixture).States["Parallel"]);

        // Assert
        Assert.Equal(2, parallel.Branches.Length);
        Assert.Equal("/States/Parallel/Branches/1", parallel.Branches[1].Location);
        Assert.Equal("B2", parallel.Branches[1].StartAt);
        Assert.Equal("/States/Parallel/Branches/1/States/B2", parallel.Branches[1].States["B2"].Location);
        Assert.IsType<SucceedState>(parallel.Branches[0].States["B1"]);
    }

    [Fact]
    public void Parse_JsonataStates_KeepExpressionsRaw()
    {
        // Act
        var definition = ShapeParse.Valid(JsonataFixture);

        // Assert
        Assert.Equal(QueryLanguage.JSONata, definition.QueryLanguage);
        var task = Assert.IsType<TaskState>(definition.States["Task"]);
        Assert.Equal(QueryLanguage.JSONata, task.QueryLanguage);
        Assert.Equal("{% $count * 10 %}", task.TimeoutSeconds!.GetValue<string>());
        Assert.Equal("{% $states.input %}", task.Arguments!["Payload"]!.GetValue<string>());
        Assert.Equal("{% $states.result.Payload %}", task.Output!.GetValue<string>());
        Assert.Equal("{% $states.errorOutput %}", task.Catch[0].Output!.GetValue<string>());
        var wait = Assert.IsType<WaitState>(definition.States["Wait"]);
        Assert.Equal("{% $states.input.when %}", wait.Timestamp!.GetValue<string>());
        var fail = Assert.IsType<FailState>(definition.States["Fail"]);
        Assert.Equal("plain cause", fail.Cause!.GetValue<string>());
        var map = Assert.IsType<MapState>(definition.States["Map"]);
        Assert.Equal("{% $states.input.items %}", map.Items!.GetValue<string>());
        Assert.Equal("{% 2 %}", map.MaxConcurrency!.GetValue<string>());
        var parallel = Assert.IsType<ParallelState>(definition.States["Parallel"]);
        Assert.Equal("{% $states.input %}", parallel.Arguments!.GetValue<string>());
    }

    [Fact]
    public void Parse_StateQueryLanguage_OverridesMachineButNotNestedStates()
    {
        // Act
        var definition = ShapeParse.Valid("parsing/mixed-query-language.asl.json");

        // Assert
        Assert.Equal(QueryLanguage.JSONPath, definition.States["Path"].QueryLanguage);
        Assert.Equal(QueryLanguage.JSONata, definition.States["Ata"].QueryLanguage);
        var map = Assert.IsType<MapState>(definition.States["Map"]);
        Assert.Equal(QueryLanguage.JSONata, map.QueryLanguage);
        Assert.Equal(QueryLanguage.JSONPath, map.ItemProcessor.States["Inner"].QueryLanguage);
    }

    [Fact]
    public void Parse_StateNamesWithSlashAndTilde_EscapeLocations()
    {
        // Act
        var definition = ShapeParse.Valid("parsing/escaped-state-names.asl.json");

        // Assert
        Assert.Equal("/States/a~1b", definition.States["a/b"].Location);
        Assert.Equal("/States/c~0d", definition.States["c~d"].Location);
    }

    [Fact]
    public void Parse_ExplicitNullResult_IsToldApartFromAbsentResult()
    {
        // Act
        var definition = ShapeParse.Valid("parsing/escaped-state-names.asl.json");

        // Assert
        var withNull = Assert.IsType<PassState>(definition.States["c~d"]);
        var absent = Assert.IsType<PassState>(definition.States["a/b"]);
        Assert.True(withNull.HasResult);
        Assert.Null(withNull.Result);
        Assert.False(absent.HasResult);
    }

    [Fact]
    public void Parse_UnknownType_ReportsTypeAndKeepsTransitionsForGraphChecks()
    {
        // Act
        var (definition, diagnostics) = ShapeParse.Fixture("validation/unknown-type.asl.json");

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/States/A/Type", diagnostic.Location);
        Assert.Contains("Pause", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(definition!.States["A"].End);
    }

    [Fact]
    public void Parse_ParsedNodes_AreDetachedCopies()
    {
        // Act
        var pass = Assert.IsType<PassState>(ShapeParse.Valid(JsonPathFixture).States["Pass"]);

        // Assert
        Assert.Null(pass.Parameters!.Parent);
        Assert.IsType<JsonObject>(pass.Parameters);
    }
}
