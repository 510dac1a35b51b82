"""What a channel says by itself: the fail-safe message, prompts, the voice opening.

Built once at start-up from the services directory, so a failing Rasa turn never needs
any I/O to answer safely. Wording is British English, calm, and never advises contacting
the person causing harm.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.channels.directory import ServiceLine, load_directory, speak_digits


def _hours(line: ServiceLine) -> str:
    # Only short hours fit a fail-safe sentence; long ones are for the assistant to explain.
    return f" ({line.hours_text})" if line.hours_text and len(line.hours_text) <= 60 else ""


@dataclass(frozen=True)
class SafetyTexts:
    """Every sentence a channel says on its own, for text and for voice."""

    failure_text: str
    failure_voice: str
    emergency_banner: str
    wordless_text: str
    too_long_text: str
    media_only_text: str
    sms_help_text: str
    voice_opening: str
    voice_reprompt: str
    voice_goodbye: str
    numbers_voice: str
    helpline_said: str
    helpline_number: str


def build_safety_texts(directory: dict[str, ServiceLine]) -> SafetyTexts:
    """Compose every channel-authored sentence from the services directory."""
    emergency = directory["police_emergency"]
    silent = directory["silent_solution"]
    helpline = directory["stalking_helpline"]
    non_emergency = directory["police_non_emergency"]
    nine = emergency.number.split()[0]
    # The keys to press: the services file lists them as the Silent Solution's other number
    # ("55"); an older layout wrote "999 then 55" in the number itself.
    press = silent.other_numbers[0] if silent.other_numbers else silent.number.split()[-1]
    if press == nine:
        raise KeyError("services file gives no key presses for 'silent_solution' (expected 55)")

    danger_text = (
        f"If you are in danger now, call {nine}. If you cannot speak, call {nine} from a mobile "
        f"and press {press} when asked."
    )
    advice_text = (
        f"For advice, call the {helpline.name} on {helpline.number}{_hours(helpline)}. "
        f"To report to the police when no one is in danger, call {non_emergency.number}."
    )
    danger_said = (
        f"If you are in danger now, hang up and call {emergency.said}. If you cannot speak, "
        f"call {emergency.said} and press {speak_digits(press)} when asked."
    )
    advice_said = (
        f"For advice, call the {helpline.name} on {helpline.said}. To report to the police when "
        f"no one is in danger, call {non_emergency.said}."
    )
    return SafetyTexts(
        failure_text=f"Sorry, I can't answer properly right now. {danger_text} {advice_text}",
        failure_voice=f"Sorry, I can't answer properly right now. {danger_said} {advice_said}",
        emergency_banner=danger_text,
        wordless_text=(
            "I didn't receive any words. When you're ready, tell me in your own words what has "
            f"been happening. {danger_text}"
        ),
        too_long_text=(
            "Thank you for telling me. That message is too long for me to read in one go. Could you "
            f"send it in shorter parts, a few sentences at a time? {danger_text}"
        ),
        media_only_text=(
            "I can't open pictures or files here, so please describe what happened in words. Keep "
            f"the original safe on your phone: it may be useful evidence. {danger_text}"
        ),
        sms_help_text=(
            f"This number is a service for people worried about stalking. {danger_text} "
            f"{advice_text} Reply STOP to stop messages."
        ),
        voice_opening=(
            "This is a confidential line for people worried about stalking or harassment. I'm an "
            f"automated assistant. {danger_said} If you can't talk freely on this call, press 0 and "
            "I'll ask questions you can answer with your keypad."
        ),
        voice_reprompt="Sorry, I didn't hear anything. Take your time. You can speak, or use your keypad.",
        voice_goodbye=(
            f"I haven't heard anything, so I'll end this call now. {danger_said} {advice_said} Goodbye."
        ),
        numbers_voice=f"{danger_said} {advice_said}",
        helpline_said=helpline.said,
        helpline_number=helpline.number,
    )


def load_safety_texts() -> SafetyTexts:
    """Safety texts from the project's services file (raises at start-up if it is unusable)."""
    return build_safety_texts(load_directory())
