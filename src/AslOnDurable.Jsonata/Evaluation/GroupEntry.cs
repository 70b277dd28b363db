namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>The items collected under one key while grouping, and which key expression produced it.</summary>
internal sealed class GroupEntry(object? first, int exprIndex)
{
    private bool owned;

    /// <summary>The grouped data: the single item, or an array of items.</summary>
    public object? Data { get; private set; } = first;

    /// <summary>Index of the key/value pair that produced the key.</summary>
    public int ExprIndex { get; } = exprIndex;

    /// <summary>Appends an item (with JSONata's append semantics).</summary>
    public void Add(object? item)
    {
        if (item is null)
        {
            return;
        }

        if (!owned || Data is not JList mine)
        {
            var list = new JList();
            if (Data is JList existing)
            {
                list.AddRange(existing);
            }
            else if (Data is not null)
            {
                list.Add(Data);
            }

            Data = list;
            mine = list;
            owned = true;
        }

        if (item is JList items)
        {
            mine.AddRange(items);
        }
        else
        {
            mine.Add(item);
        }
    }
}
