using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Parsing;

namespace AslOnDurable.Jsonata.Functions;

/// <summary><c>$eval(expr, context?)</c>: parses and evaluates an expression at run time.</summary>
/// <remarks>AWS Step Functions withholds <c>$eval</c>; its mode leaves this function out.</remarks>
internal static class EvalFunction
{
    /// <summary>Registers the function.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("eval", "<sx?:x>", 2, static (ev, a, input, frame) =>
        {
            if (a[0] is not string expr)
            {
                return null;
            }

            if (a.Length > 1 && a[1] is not null)
            {
                input = a[1];
                if (input is JList { IsSequence: false } arr)
                {
                    input = new JList(1) { IsSequence = true, OuterWrapper = true }.WithItem(arr);
                }
            }

            Ast.AstNode ast;
            try
            {
                ast = AstBuilder.Build(Parser.Parse(expr));
            }
            catch (JsonataException e)
            {
                throw new JsonataException("D3120").WithValue(e.Message);
            }

            try
            {
                return ev.Evaluate(ast, input, frame);
            }
            catch (JsonataException e) when (e.Code != "U1001")
            {
                throw new JsonataException("D3121").WithValue(e.Message);
            }
        });
    }

    private static JList WithItem(this JList list, object? item)
    {
        list.Add(item);
        return list;
    }
}
