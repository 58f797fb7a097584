export interface Config {
  mlops?: {
    /**
     * Feast feature servers (`feast serve`) by Feast project name, for the
     * REST example of a FeatureService's "use it" panel, for example
     * `fraud_detection: https://feast.ml.internal`. Default: none; the panel
     * then reads the URL from the `FEAST_FEATURE_SERVER_URL` shell variable.
     *
     * @deepVisibility frontend
     */
    featureServers?: {
      [project: string]: string;
    };
    /**
     * The software template a FeatureService's "Train a model on it" opens,
     * with the feature service and its system filled in, as an entity ref.
     * Default: `template:default/sovereign-training-project`.
     *
     * @visibility frontend
     */
    trainingTemplate?: string;
  };
}
