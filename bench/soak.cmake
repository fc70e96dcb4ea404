# The soak benchmark is declared here.
