package org.ticketwindow.idcheck.cli;

import org.ticketwindow.idcheck.app.AppHome;
import org.ticketwindow.idcheck.app.ProfileDirectory;
import org.ticketwindow.idcheck.reader.HardwareProfile;
import org.ticketwindow.idcheck.reader.HardwareProfiles;
import org.ticketwindow.idcheck.reader.ProfileException;
import org.ticketwindow.idcheck.text.Texts;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads profiles for a command; a broken profile is a usage error listing file, key and reason. */
final class Profiles {
    private Profiles() {}

    static HardwareProfiles all(CommandLine.Model.CommandSpec spec) {
        try {
            return ProfileDirectory.load(AppHome.resolve());
        } catch (ProfileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Texts.chinese().get("cli.profileProblem") + " / " + Texts.english().get("cli.profileProblem") + ":\n" + e.getMessage());
        }
    }

    /** A profile by id, or a profile file by path. */
    static HardwareProfile one(CommandLine.Model.CommandSpec spec, String idOrFile) {
        Path p = Path.of(idOrFile);
        if (idOrFile.endsWith(".yaml") && Files.isRegularFile(p)) {
            try {
                return HardwareProfiles.loadFile(p);
            } catch (ProfileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), Texts.chinese().get("cli.profileProblem") + " / " + Texts.english().get("cli.profileProblem") + ":\n" + e.getMessage());
            }
        }
        HardwareProfiles all = all(spec);
        return all.byId(idOrFile).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "no hardware profile '" + idOrFile + "'; known: " + all.all().stream().map(HardwareProfile::id).toList()));
    }
}
