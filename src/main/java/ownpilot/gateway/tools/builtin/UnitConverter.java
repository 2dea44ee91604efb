package ownpilot.gateway.tools.builtin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ownpilot.gateway.tools.ToolFailure;

/**
 * Converts between units of one dimension through a base unit (metre, kilogram, litre, second,
 * byte, metre/second, square metre); temperatures by formula. Names and common aliases are accepted.
 */
final class UnitConverter {

    private record Unit(String dimension, double toBase) {}

    private static final Map<String, Unit> UNITS = new HashMap<>();

    static {
        define("length", 1, "m", "meter", "meters", "metre", "metres");
        define("length", 0.001, "mm", "millimeter", "millimeters");
        define("length", 0.01, "cm", "centimeter", "centimeters");
        define("length", 1000, "km", "kilometer", "kilometers", "kilometre", "kilometres");
        define("length", 0.0254, "in", "inch", "inches");
        define("length", 0.3048, "ft", "foot", "feet");
        define("length", 0.9144, "yd", "yard", "yards");
        define("length", 1609.344, "mi", "mile", "miles");
        define("length", 1852, "nmi", "nautical mile", "nautical miles");
        define("mass", 1, "kg", "kilogram", "kilograms");
        define("mass", 0.001, "g", "gram", "grams");
        define("mass", 0.000001, "mg", "milligram", "milligrams");
        define("mass", 1000, "t", "tonne", "tonnes", "metric ton");
        define("mass", 0.028349523125, "oz", "ounce", "ounces");
        define("mass", 0.45359237, "lb", "lbs", "pound", "pounds");
        define("mass", 6.35029318, "st", "stone", "stones");
        define("volume", 1, "l", "liter", "liters", "litre", "litres");
        define("volume", 0.001, "ml", "milliliter", "milliliters", "millilitre");
        define("volume", 1000, "m3", "cubic meter", "cubic meters");
        define("volume", 0.00492892159375, "tsp", "teaspoon", "teaspoons");
        define("volume", 0.01478676478125, "tbsp", "tablespoon", "tablespoons");
        define("volume", 0.2365882365, "cup", "cups");
        define("volume", 0.0295735295625, "floz", "fl oz", "fluid ounce", "fluid ounces");
        define("volume", 0.473176473, "pt", "pint", "pints");
        define("volume", 0.946352946, "qt", "quart", "quarts");
        define("volume", 3.785411784, "gal", "gallon", "gallons");
        define("time", 1, "s", "sec", "second", "seconds");
        define("time", 0.001, "ms", "millisecond", "milliseconds");
        define("time", 60, "min", "minute", "minutes");
        define("time", 3600, "h", "hr", "hour", "hours");
        define("time", 86400, "d", "day", "days");
        define("time", 604800, "wk", "week", "weeks");
        define("data", 0.125, "bit", "bits");
        define("data", 1, "b", "byte", "bytes");
        define("data", 1e3, "kb", "kilobyte", "kilobytes");
        define("data", 1e6, "mb", "megabyte", "megabytes");
        define("data", 1e9, "gb", "gigabyte", "gigabytes");
        define("data", 1e12, "tb", "terabyte", "terabytes");
        define("data", 1024, "kib", "kibibyte");
        define("data", 1048576, "mib", "mebibyte");
        define("data", 1073741824, "gib", "gibibyte");
        define("data", 1099511627776.0, "tib", "tebibyte");
        define("speed", 1, "m/s", "mps", "meters per second");
        define("speed", 1 / 3.6, "km/h", "kmh", "kph", "kilometers per hour");
        define("speed", 0.44704, "mph", "miles per hour");
        define("speed", 0.514444, "kn", "knot", "knots");
        define("area", 1, "m2", "sqm", "square meter", "square meters");
        define("area", 1e-6, "mm2", "square millimeter");
        define("area", 1e-4, "cm2", "square centimeter");
        define("area", 1e6, "km2", "square kilometer", "square kilometers");
        define("area", 1e4, "ha", "hectare", "hectares");
        define("area", 4046.8564224, "acre", "acres");
        define("area", 0.09290304, "ft2", "sqft", "square foot", "square feet");
        define("area", 2589988.110336, "mi2", "square mile", "square miles");
    }

    private static final List<String> CELSIUS = List.of("c", "celsius", "°c");
    private static final List<String> FAHRENHEIT = List.of("f", "fahrenheit", "°f");
    private static final List<String> KELVIN = List.of("k", "kelvin");

    private UnitConverter() {}

    private static void define(String dimension, double toBase, String... names) {
        for (String name : names) {
            UNITS.put(name, new Unit(dimension, toBase));
        }
    }

    static double convert(double value, String from, String to) {
        String f = from.trim().toLowerCase(Locale.ROOT);
        String t = to.trim().toLowerCase(Locale.ROOT);
        if (isTemperature(f) || isTemperature(t)) {
            if (!isTemperature(f) || !isTemperature(t)) {
                throw new ToolFailure("Cannot convert between " + from + " and " + to);
            }
            return fromKelvin(toKelvin(value, f), t);
        }
        Unit a = UNITS.get(f);
        Unit b = UNITS.get(t);
        if (a == null || b == null) {
            throw new ToolFailure("Unknown unit '" + (a == null ? from : to) + "'");
        }
        if (!a.dimension().equals(b.dimension())) {
            throw new ToolFailure("Cannot convert " + a.dimension() + " (" + from + ") to " + b.dimension() + " (" + to + ")");
        }
        return value * a.toBase() / b.toBase();
    }

    private static boolean isTemperature(String unit) {
        return CELSIUS.contains(unit) || FAHRENHEIT.contains(unit) || KELVIN.contains(unit);
    }

    private static double toKelvin(double v, String unit) {
        return CELSIUS.contains(unit) ? v + 273.15 : FAHRENHEIT.contains(unit) ? (v - 32) * 5 / 9 + 273.15 : v;
    }

    private static double fromKelvin(double k, String unit) {
        return CELSIUS.contains(unit) ? k - 273.15 : FAHRENHEIT.contains(unit) ? (k - 273.15) * 9 / 5 + 32 : k;
    }
}
