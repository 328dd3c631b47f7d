using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>A SARIF rule.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Name">The rule's name.</param>
/// <param name="ShortDescription">One line.</param>
/// <param name="FullDescription">The full description.</param>
/// <param name="Help">How to fix it.</param>
/// <param name="DefaultConfiguration">Its level.</param>
/// <param name="Properties">Tags, severity, tier and scenario.</param>
public sealed record SarifRule(string Id, string Name, SarifText ShortDescription, SarifText FullDescription, SarifHelp Help,
    SarifConfiguration DefaultConfiguration, SarifRuleProperties Properties);
