# (sources are added as the feature lands)
