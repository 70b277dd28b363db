using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A lexical scope of variable bindings; the root scope falls back to the function library.</summary>
/// <remarks>Scopes are small (lambda parameters, block variables), so bindings live in short arrays searched linearly.</remarks>
internal sealed class Frame
{
    private const int SmallCapacity = 8;
    private readonly Frame? parent;
    private readonly FunctionLibrary? library;
    private string[]? names;
    private object?[]? values;
    private int count;
    private Dictionary<string, object?>? large;

    /// <summary>Creates a child scope of <paramref name="parent"/>.</summary>
    public Frame(Frame parent)
    {
        this.parent = parent;
    }

    /// <summary>Creates a child scope of <paramref name="parent"/> with room for <paramref name="capacity"/> bindings.</summary>
    public Frame(Frame parent, int capacity)
    {
        this.parent = parent;
        if (capacity > 0 && capacity <= SmallCapacity)
        {
            names = new string[capacity];
            values = new object?[capacity];
        }
    }

    /// <summary>Creates a root scope over <paramref name="library"/>.</summary>
    public Frame(FunctionLibrary library)
    {
        this.library = library;
    }

    /// <summary>The enclosing scope (null for a root scope).</summary>
    public Frame? Parent => parent;

    /// <summary>Removes every binding, so the scope can serve another evaluation.</summary>
    public void Clear()
    {
        if (count > 0)
        {
            Array.Clear(names!, 0, count);
            Array.Clear(values!, 0, count);
        }

        count = 0;
        large = null;
    }

    /// <summary>Binds <paramref name="name"/> in this scope.</summary>
    public void Bind(string name, object? value)
    {
        if (large is not null)
        {
            large[name] = value;
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(names![i], name, StringComparison.Ordinal))
            {
                values![i] = value;
                return;
            }
        }

        if (count == SmallCapacity)
        {
            large = new Dictionary<string, object?>(SmallCapacity * 2, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                large[names![i]] = values![i];
            }

            large[name] = value;
            return;
        }

        if (names is null || count == names.Length)
        {
            var capacity = names is null ? 2 : Math.Min(names.Length * 2, SmallCapacity);
            Array.Resize(ref names, capacity);
            Array.Resize(ref values, capacity);
        }

        names[count] = name;
        values![count] = value;
        count++;
    }

    /// <summary>Looks <paramref name="name"/> up through the enclosing scopes; null when unbound.</summary>
    public object? Lookup(string name)
    {
        for (var f = this; f is not null; f = f.parent)
        {
            if (f.TryGetLocal(name, out var value))
            {
                return value;
            }

            if (f.library is not null)
            {
                return f.library.Lookup(name);
            }
        }

        return null;
    }

    private bool TryGetLocal(string name, out object? value)
    {
        if (large is not null)
        {
            return large.TryGetValue(name, out value);
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(names![i], name, StringComparison.Ordinal))
            {
                value = values![i];
                return true;
            }
        }

        value = null;
        return false;
    }
}
