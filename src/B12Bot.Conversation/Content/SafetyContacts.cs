namespace B12Bot.Conversation.Content;

/// <summary>The clinic's phone numbers for the safety messages (settings B12Bot:EmergencyNumber, CrisisLine, PoisonControlNumber).</summary>
public sealed record SafetyContacts(string EmergencyNumber, string CrisisLine, string PoisonControlNumber)
{
    /// <summary>The US numbers: 911, the 988 Suicide &amp; Crisis Lifeline, and Poison Control.</summary>
    public static SafetyContacts UnitedStates { get; } = new(B12ContentLoader.DefaultEmergencyNumber, B12ContentLoader.DefaultCrisisLine, B12ContentLoader.DefaultPoisonControlNumber);

    /// <summary>Throws with the setting's name when a number cannot be dialled as given.</summary>
    public void Validate()
    {
        foreach (var (name, number) in new[] { ("B12Bot:EmergencyNumber", EmergencyNumber), ("B12Bot:CrisisLine", CrisisLine), ("B12Bot:PoisonControlNumber", PoisonControlNumber) })
        {
            if (!PhoneLink.IsValid(number))
            {
                throw new ArgumentException($"{name} '{number}' is not a phone number (digits, spaces, dashes, brackets, a leading +).");
            }
        }
    }
}
