namespace AslOnDurable.Jsonata;

internal static class JsonataPlaceholder
{
}
