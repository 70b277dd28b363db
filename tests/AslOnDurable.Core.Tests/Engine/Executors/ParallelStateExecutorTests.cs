using AslOnDurable.Core.Engine;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class ParallelStateExecutorTests
{
    [Fact]
    public void Execute_Branches_OutputsInBranchOrderEachWithOwnInputCopy()
    {
        var result = EngineRun.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","ResultPath":"$.mark","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}
            """, """{"v":1}""");

        JsonAssert.Equal("""[{"v":1,"mark":"a"},{"v":1}]""", result.Output);
    }

    [Fact]
    public void Execute_BranchFails_ParallelFailsWithBranchErrorAndCatchHandlesIt()
    {
        var result = EngineRun.Run("""
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["BranchError"],"ResultPath":"$.caught","Next":"Done"}],"Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"BranchError","Cause":"why"}}}]},
              "Done":{"Type":"Pass","End":true}}}
            """, "{}");

        JsonAssert.Equal("""{"caught":{"Error":"BranchError","Cause":"why"}}""", result.Output);
    }

    [Fact]
    public void Execute_BranchVariables_ReadOuterScopeButDoNotLeak()
    {
        var result = EngineRun.Run("""
            {"StartAt":"Set","States":{
              "Set":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
              "P":{"Type":"Parallel","Next":"After","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"inner":2},"Parameters":{"x.$":"$x"},"End":true}}}]},
              "After":{"Type":"Pass","Parameters":{"x.$":"$x","branch.$":"$[0].x"},"End":true}}}
            """, "{}");

        JsonAssert.Equal("""{"x":1,"branch":1}""", result.Output);
    }
}
