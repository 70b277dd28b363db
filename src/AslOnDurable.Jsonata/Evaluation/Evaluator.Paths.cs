using System.Collections.Immutable;
using AslOnDurable.Jsonata.Ast;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Location paths, steps, tuple streams, predicates, grouping and sorting.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluatePath(AstNode expr, object? input, Frame frame)
    {
        var steps = expr.Steps;
        if (expr.IsSimpleChain && (input is not JList || steps[0].Kind == NodeKind.Variable)
            && TryEvaluateSimpleChain(steps, input, frame, out var simple))
        {
            return simple;
        }

        JList inputSequence = input is JList l && steps[0].Kind != NodeKind.Variable ? l : JList.Sequence(input);
        JList? resultSequence = null;
        var isTupleStream = false;
        JList? tupleBindings = null;

        for (var ii = 0; ii < steps.Length; ii++)
        {
            var step = steps[ii];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (ii == 0 && step.ConsArray)
            {
                var r = Evaluate(step, inputSequence, frame);
                resultSequence = r as JList ?? (r is null ? null : JList.Sequence(r));
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, frame);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, frame, ii == steps.Length - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = JList.Sequence();
                if (tupleBindings is not null)
                {
                    foreach (var t in tupleBindings)
                    {
                        resultSequence.Add(((BindingTuple)t!).Context);
                    }
                }
            }
        }

        if (expr.KeepSingletonArray && resultSequence is not null)
        {
            if (resultSequence.Cons && !resultSequence.IsSequence)
            {
                resultSequence = JList.Sequence(resultSequence);
            }
            else if (!resultSequence.IsSequence && !resultSequence.KeepSingleton)
            {
                // An array taken as it is from the input or a bound value (jsonata-js flags that very array): flag a copy,
                // so a value the host holds and binds again, possibly from several threads, is never changed.
                var copy = new JList(resultSequence.Count) { OuterWrapper = resultSequence.OuterWrapper, TupleStream = resultSequence.TupleStream };
                copy.AddRange(resultSequence);
                resultSequence = copy;
            }

            resultSequence.KeepSingleton = true;
        }

        if (expr.Group is not null)
        {
            return EvaluateGroup(expr.Group.Pairs, expr.Group.HasDistinctLiteralKeys, expr.Group.Position, isTupleStream ? tupleBindings : resultSequence, frame);
        }

        return resultSequence;
    }

    /// <summary>
    /// Fast path for <c>$var.a.b</c>, <c>a.b[0].c</c> and <c>$var.items.price</c> (see <see cref="AstNode.IsSimpleChain"/>):
    /// walks single objects member by member, takes a number predicate's item directly, and maps the last step over
    /// an array of objects, building at most the one result sequence. Returns <see langword="false"/> when anything
    /// else shows up (an array before the last step, a member that is an array where the general path would flatten):
    /// the general path then takes the whole path again. Same result as the general path.
    /// </summary>
    private bool TryEvaluateSimpleChain(ImmutableArray<AstNode> steps, object? input, Frame frame, out object? result)
    {
        result = null;
        object? current = input;
        var i = 0;
        if (steps[0].Kind == NodeKind.Variable)
        {
            current = Evaluate(steps[0], input, frame);
            i = 1;
        }

        for (; i < steps.Length && current is not null; i++)
        {
            var step = steps[i];
            var last = i == steps.Length - 1;
            if (current is JList list)
            {
                // An array met before the last step, or a sequence: the general path flattens it.
                return last && step.Stages.IsEmpty && TryMapLastStep(step.Name, list, out result);
            }

            Enter();
            depth--;
            current = current is JObject obj && obj.TryGetValue(step.Name, out var member) ? member : null;
            if (!step.Stages.IsEmpty)
            {
                if (current is JList { TupleStream: true })
                {
                    return false;
                }

                current = PickIndex(current, (double)step.Stages[0].Filter!.Literal!);
                if (current is JList && !last)
                {
                    return false;
                }
            }
        }

        if (current is JList { IsSequence: true })
        {
            return false;
        }

        result = current;
        return true;
    }

    /// <summary>The item a number predicate picks from a value (a non-array value is a one-item sequence), or null.</summary>
    private static object? PickIndex(object? value, double literal)
    {
        var index = (int)Math.Floor(literal);
        if (value is JList list)
        {
            if (index < 0)
            {
                index += list.Count;
            }

            return index >= 0 && index < list.Count ? list[index] : null;
        }

        return index is 0 or -1 ? value : null;
    }

    /// <summary>
    /// The last step <c>name</c> mapped over a plain array's items, when every item is an object (or a scalar, which
    /// has no members) and no member found is an array; otherwise <see langword="false"/>.
    /// </summary>
    private bool TryMapLastStep(string name, JList list, out object? result)
    {
        result = null;
        if (list.IsSequence || list.Cons || list.TupleStream || list.OuterWrapper)
        {
            return false;
        }

        var mapped = new JList(list.Count) { IsSequence = true };
        for (var ii = 0; ii < list.Count; ii++)
        {
            Enter();
            depth--;
            var item = list[ii];
            if (item is JList)
            {
                return false;
            }

            if (item is JObject obj && obj.TryGetValue(name, out var member) && member is not null)
            {
                if (member is JList)
                {
                    return false;
                }

                mapped.Add(member);
            }
        }

        result = mapped;
        return true;
    }

    private JList EvaluateStep(AstNode step, JList input, Frame frame, bool lastStep)
    {
        if (step.Kind == NodeKind.Sort)
        {
            var sorted = EvaluateSort(step, input, frame);
            return step.Stages.IsEmpty ? sorted : EvaluateStages(step.Stages, sorted, frame);
        }

        var result = new JList(input.Count) { IsSequence = true };
        var stages = step.Stages;
        var needsFlattening = false;
        for (var ii = 0; ii < input.Count; ii++)
        {
            var res = Evaluate(step, input[ii], frame);
            for (var ss = 0; ss < stages.Length; ss++)
            {
                res = EvaluateFilter(stages[ss].Filter!, res, frame);
            }

            if (res is not null)
            {
                needsFlattening |= res is JList { Cons: false };
                result.Add(res);
            }
        }

        if (lastStep && result.Count == 1 && result[0] is JList { IsSequence: false } only)
        {
            return only;
        }

        if (!needsFlattening)
        {
            return result;
        }

        var resultSequence = new JList(result.Count) { IsSequence = true };
        foreach (var res in result)
        {
            if (res is JList list && !list.Cons)
            {
                resultSequence.AddRange(list);
            }
            else
            {
                resultSequence.Add(res);
            }
        }

        return resultSequence;
    }

    private JList EvaluateStages(ImmutableArray<Stage> stages, JList input, Frame frame)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.Filter is not null)
            {
                result = EvaluateFilter(stage.Filter, result, frame);
            }
            else
            {
                for (var ee = 0; ee < result.Count; ee++)
                {
                    ((BindingTuple)result[ee]!)[stage.IndexVariable!] = (double)ee;
                }
            }
        }

        return result;
    }

    private JList EvaluateTupleStep(AstNode step, JList input, JList? tupleBindings, Frame frame)
    {
        JList result;
        if (step.Kind == NodeKind.Sort)
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(step, tupleBindings, frame);
            }
            else
            {
                var sorted = EvaluateSort(step, input, frame);
                result = new JList(sorted.Count) { IsSequence = true, TupleStream = true };
                for (var ss = 0; ss < sorted.Count; ss++)
                {
                    var tuple = new BindingTuple { [BindingTuple.ContextKey] = sorted[ss] };
                    if (step.IndexVariable is not null)
                    {
                        tuple[step.IndexVariable] = (double)ss;
                    }

                    result.Add(tuple);
                }
            }

            return step.Stages.IsEmpty ? result : EvaluateStages(step.Stages, result, frame);
        }

        result = new JList { IsSequence = true, TupleStream = true };
        if (tupleBindings is null)
        {
            tupleBindings = new JList(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new BindingTuple { [BindingTuple.ContextKey] = item });
            }
        }

        foreach (var tb in tupleBindings)
        {
            var binding = (BindingTuple)tb!;
            var stepEnv = FrameFromTuple(frame, binding);
            var res = Evaluate(step, binding.Context, stepEnv);
            if (res is null)
            {
                continue;
            }

            var resList = res as JList ?? JList.Sequence(res);
            for (var bb = 0; bb < resList.Count; bb++)
            {
                var tuple = new BindingTuple(binding);
                if (resList.TupleStream)
                {
                    foreach (var kv in (BindingTuple)resList[bb]!)
                    {
                        tuple[kv.Key] = kv.Value;
                    }
                }
                else
                {
                    if (step.Focus is not null)
                    {
                        tuple[step.Focus] = resList[bb];
                        tuple[BindingTuple.ContextKey] = binding.Context;
                    }
                    else
                    {
                        tuple[BindingTuple.ContextKey] = resList[bb];
                    }

                    if (step.IndexVariable is not null)
                    {
                        tuple[step.IndexVariable] = (double)bb;
                    }

                    if (step.AncestorLabel is not null)
                    {
                        tuple[step.AncestorLabel] = binding.Context;
                    }
                }

                result.Add(tuple);
            }
        }

        return step.Stages.IsEmpty ? result : EvaluateStages(step.Stages, result, frame);
    }

    private JList EvaluateFilter(AstNode predicate, object? input, Frame frame)
    {
        var results = new JList { IsSequence = true };
        var tupleStream = input is JList { TupleStream: true };
        results.TupleStream = tupleStream;
        var list = input as JList ?? JList.Sequence(input);
        if (predicate.Kind == NodeKind.Number)
        {
            var index = (int)Math.Floor((double)predicate.Literal!);
            if (index < 0)
            {
                index = list.Count + index;
            }

            var item = index >= 0 && index < list.Count ? list[index] : null;
            if (item is not null)
            {
                if (item is JList arr)
                {
                    return arr;
                }

                results.Add(item);
            }

            return results;
        }

        for (var index = 0; index < list.Count; index++)
        {
            var item = list[index];
            var context = item;
            var env = frame;
            if (tupleStream)
            {
                var tuple = (BindingTuple)item!;
                context = tuple.Context;
                env = FrameFromTuple(frame, tuple);
            }

            var res = Evaluate(predicate, context, env);
            if (res is double d)
            {
                ValueSemantics.CheckFinite(d);
                var ii = (int)Math.Floor(d);
                if (ii < 0)
                {
                    ii = list.Count + ii;
                }

                if (ii == index)
                {
                    results.Add(item);
                }
            }
            else if (res is JList nums && nums.Count > 0 && ValueSemantics.IsArrayOfNumbers(nums))
            {
                foreach (var n in nums)
                {
                    var ii = (int)Math.Floor((double)n!);
                    if (ii < 0)
                    {
                        ii = list.Count + ii;
                    }

                    if (ii == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (ValueSemantics.Boolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private JObject EvaluateGroup(ImmutableArray<KeyValuePair<AstNode, AstNode>> pairs, bool distinctLiteralKeys, int position, object? input, Frame frame)
    {
        if (input is not JList)
        {
            return EvaluateSingleObject(pairs, distinctLiteralKeys, position, input, frame);
        }

        var result = new JObject();
        var reduce = input is JList { TupleStream: true };
        var list = input as JList ?? JList.Sequence(input);
        if (list.Count == 0)
        {
            list = JList.Sequence(null);
        }

        var groups = new OrderedDictionary<string, GroupEntry>(StringComparer.Ordinal);
        for (var itemIndex = 0; itemIndex < list.Count; itemIndex++)
        {
            var item = list[itemIndex];
            var tuple = reduce ? item as BindingTuple : null;
            var env = tuple is null ? frame : FrameFromTuple(frame, tuple);
            for (var pairIndex = 0; pairIndex < pairs.Length; pairIndex++)
            {
                var key = Evaluate(pairs[pairIndex].Key, reduce ? tuple?.Context : item, env);
                if (key is null)
                {
                    continue;
                }

                if (key is not string k)
                {
                    throw new JsonataException("T1003", position).WithValue(key);
                }

                if (groups.TryGetValue(k, out var entry))
                {
                    if (entry.ExprIndex != pairIndex)
                    {
                        throw new JsonataException("D1009", position).WithValue(k);
                    }

                    entry.Add(item);
                }
                else
                {
                    groups[k] = new GroupEntry(item, pairIndex);
                }
            }
        }

        foreach (var kv in groups)
        {
            var entry = kv.Value;
            var context = entry.Data;
            var env = frame;
            if (reduce)
            {
                var tuple = ReduceTupleStream(entry.Data);
                context = tuple.Context;
                tuple.Remove(BindingTuple.ContextKey);
                env = FrameFromTuple(frame, tuple);
            }

            var value = Evaluate(pairs[entry.ExprIndex].Value, context, env);
            if (value is not null)
            {
                result[kv.Key] = value;
            }
        }

        return result;
    }

    /// <summary>An object constructor over one context value: every key groups exactly that value.</summary>
    /// <param name="pairs">The key and value expressions.</param>
    /// <param name="distinctLiteralKeys">Whether every key is a plain string literal and no two are the same (<see cref="ObjectKeys"/>).</param>
    /// <param name="position">Where the constructor is in the expression.</param>
    /// <param name="item">The context value.</param>
    /// <param name="frame">The variables.</param>
    private JObject EvaluateSingleObject(ImmutableArray<KeyValuePair<AstNode, AstNode>> pairs, bool distinctLiteralKeys, int position, object? item, Frame frame)
    {
        if (distinctLiteralKeys)
        {
            // {'a': …, 'b': …}: the keys are known and cannot clash; same values, errors and step accounting.
            var known = new JObject(pairs.Length);
            for (var pairIndex = 0; pairIndex < pairs.Length; pairIndex++)
            {
                Enter();
                depth--;
            }

            for (var pairIndex = 0; pairIndex < pairs.Length; pairIndex++)
            {
                var value = Evaluate(pairs[pairIndex].Value, item, frame);
                if (value is not null)
                {
                    known.AddNew((string)pairs[pairIndex].Key.Literal!, value);
                }
            }

            return known;
        }

        var keys = new string?[pairs.Length];
        for (var pairIndex = 0; pairIndex < pairs.Length; pairIndex++)
        {
            var key = Evaluate(pairs[pairIndex].Key, item, frame);
            if (key is null)
            {
                continue;
            }

            if (key is not string k)
            {
                throw new JsonataException("T1003", position).WithValue(key);
            }

            for (var earlier = 0; earlier < pairIndex; earlier++)
            {
                if (string.Equals(keys[earlier], k, StringComparison.Ordinal))
                {
                    throw new JsonataException("D1009", position).WithValue(k);
                }
            }

            keys[pairIndex] = k;
        }

        var result = new JObject(pairs.Length);
        for (var pairIndex = 0; pairIndex < pairs.Length; pairIndex++)
        {
            if (keys[pairIndex] is not { } key)
            {
                continue;
            }

            var value = Evaluate(pairs[pairIndex].Value, item, frame);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static BindingTuple ReduceTupleStream(object? data)
    {
        if (data is not JList list)
        {
            return data is BindingTuple single ? new BindingTuple(single) : [];
        }

        var result = new BindingTuple((BindingTuple)list[0]!);
        for (var ii = 1; ii < list.Count; ii++)
        {
            foreach (var kv in (BindingTuple)list[ii]!)
            {
                result[kv.Key] = ValueSemantics.Append(result.TryGetValue(kv.Key, out var existing) ? existing : null, kv.Value);
            }
        }

        return result;
    }

    private JList EvaluateSort(AstNode step, JList input, Frame frame)
    {
        if (input.Count <= 1)
        {
            return input;
        }

        var isTupleSort = input.TupleStream;
        var terms = step.Terms;
        var keys = new object?[input.Count][];
        for (var i = 0; i < input.Count; i++)
        {
            var item = input[i];
            var context = item;
            var env = frame;
            if (isTupleSort)
            {
                context = ((BindingTuple)item!).Context;
                env = FrameFromTuple(frame, (BindingTuple)item!);
            }

            var row = new object?[terms.Length];
            for (var t = 0; t < terms.Length; t++)
            {
                row[t] = Evaluate(terms[t].Expression, context, env);
            }

            keys[i] = row;
        }

        var indices = new int[input.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        var position = step.Position;
        var sortedIdx = MergeSort.Sort(indices, (a, b) =>
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < terms.Length; index++)
            {
                var aa = keys[a][index];
                var bb = keys[b][index];
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                if (aa is not (string or double) || bb is not (string or double))
                {
                    throw new JsonataException("T2008", position).WithValue(aa is not (string or double) ? aa : bb);
                }

                if (aa.GetType() != bb.GetType())
                {
                    var err = new JsonataException("T2007", position).WithValue(aa);
                    err.RawValue2 = bb;
                    throw err;
                }

                var c = aa is string sa ? string.CompareOrdinal(sa, (string)bb) : ((double)aa).CompareTo((double)bb);
                if (c == 0)
                {
                    continue;
                }

                comp = c < 0 ? -1 : 1;
                if (terms[index].Descending)
                {
                    comp = -comp;
                }
            }

            return comp == 1;
        });

        var result = new JList(input.Count);
        foreach (var i in sortedIdx)
        {
            result.Add(input[i]);
        }

        return result;
    }
}
