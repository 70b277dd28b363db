using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Wait state fields.</summary>
internal sealed partial class StateParser
{
    private static readonly string[] WaitFields = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];

    private static WaitState ParseWait(string name, FieldReader reader)
    {
        if (!WaitFields.Any(reader.Has))
        {
            reader.Diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "One of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]", reader.Location);
        }
        else
        {
            reader.AtMostOne(WaitFields);
        }

        return new WaitState
        {
            Name = name,
            Seconds = reader.NumberOrExpression("Seconds"),
            SecondsPath = reader.Path("SecondsPath", null, allowNull: false),
            Timestamp = reader.StringOrExpression("Timestamp"),
            TimestampPath = reader.Path("TimestampPath", null, allowNull: false),
        };
    }
}
